namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>docs/cli-reference.md is scc's own --help, so it cannot drift from the commands.</summary>
[Collection(DocsCollection.Name)]
public sealed class CliReferenceTests
{
    [Fact]
    public void The_cli_reference_is_every_commands_help_as_scc_prints_it()
    {
        // Help is unwrapped only when output is redirected, as it is under the test host.
        Assert.True(Console.IsOutputRedirected, "render the reference under 'dotnet test', whose output is redirected");
        string rendered = CliReference.Render();
        string path = RepositoryDocs.FullPath(CliReference.RelativePath);
        if (RepositoryDocs.Writing)
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path), $"{CliReference.RelativePath} is missing; write it with: {RepositoryDocs.RegenerateCommand}");
        string committed = RepositoryDocs.Read(CliReference.RelativePath);
        if (committed != rendered)
        {
            string[] want = rendered.Split('\n'), have = committed.Split('\n');
            int line = Enumerable.Range(0, Math.Min(want.Length, have.Length)).FirstOrDefault(i => want[i] != have[i], Math.Min(want.Length, have.Length));
            Assert.Fail($"{CliReference.RelativePath} no longer matches scc's --help, from line {line + 1}:\n" +
                $"  in the file: {have.ElementAtOrDefault(line)}\n  scc prints:  {want.ElementAtOrDefault(line)}\n" +
                $"If the help changed on purpose, regenerate the reference with: {RepositoryDocs.RegenerateCommand}");
        }
    }

    [Fact]
    public void The_reference_covers_every_command_including_nested_ones()
    {
        string[] titles = [.. CliCommandTree.CommandPaths().Select(p => string.Join(' ', p))];

        Assert.Contains("scc", titles);
        Assert.Contains("scc pay", titles);
        Assert.Contains("scc card new", titles);
        Assert.Contains("scc emulator attach", titles);
        Assert.Contains("scc issuer init", titles);
        Assert.Equal(titles.Length, titles.Distinct().Count());
    }
}
