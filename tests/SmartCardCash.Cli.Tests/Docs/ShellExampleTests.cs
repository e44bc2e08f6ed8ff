using System.CommandLine;
using System.Text.RegularExpressions;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// Every scc command line the docs show goes through scc's real command tree, so that no example names a command or
/// an option that does not exist. A line that is shown failing to parse must show the error scc prints for it.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed partial class ShellExampleTests
{
    [Fact]
    public void Every_scc_line_in_the_docs_parses_or_shows_the_error_scc_gives_for_it()
    {
        var problems = new List<string>();
        foreach (ShellExample example in ShellExample.All())
        {
            ParseResult parse = CliCommandTree.Parse(example.Args);
            if (parse.Errors.Count == 0)
            {
                continue;
            }
            // A parse error stops scc before any command runs, so running it here only prints the error.
            (int exitCode, _, string stderr) = CliCommandTree.Run(example.Args);
            string error = stderr.Split('\n')[0];
            bool shown = example.Output.Any(l => l.StartsWith(error, StringComparison.Ordinal));
            if (!shown || (example.ShownExitCode is int code && code != exitCode))
            {
                problems.Add($"{example.Where}: '{example.Line}' does not parse: {error} (exit {exitCode})");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_docs_show_scc_lines_in_every_guide()
    {
        IReadOnlyList<ShellExample> examples = ShellExample.All();

        Assert.True(examples.Count > 100, $"only {examples.Count} scc lines found in the docs");
        foreach (string file in new[] { "README.md", "docs/user-guide.md", "docs/testers-guide.md" })
        {
            Assert.Contains(examples, e => e.Where.StartsWith(file + ":", StringComparison.Ordinal));
        }
        Assert.Contains(examples, e => e.Output.Count > 0 && e.ShownExitCode == 2 && CliCommandTree.Parse(e.Args).Errors.Count > 0);
    }

    [Fact]
    public void Scc_commands_named_in_the_prose_exist_with_the_options_given()
    {
        var problems = new List<string>();
        int checkedSpans = 0;
        foreach (string file in RepositoryDocs.Files)
        {
            IReadOnlyList<string> prose = FencedBlock.Prose(RepositoryDocs.Read(file));
            for (int i = 0; i < prose.Count; i++)
            {
                foreach (Match span in InlineScc().Matches(prose[i]))
                {
                    string text = span.Groups[1].Value;
                    // Synopses with placeholders ([--x], a|b, …, <x>) are descriptions, not command lines.
                    if (text.IndexOfAny(['[', '|', '…', '<', '{']) >= 0)
                    {
                        continue;
                    }
                    foreach (string[] args in ShellLine.SccInvocations(text))
                    {
                        checkedSpans++;
                        ParseResult parse = CliCommandTree.Parse(args);
                        if (parse.UnmatchedTokens.Count > 0)
                        {
                            problems.Add($"{file}:{i + 1}: `{text}`: scc has no {string.Join(", ", parse.UnmatchedTokens.Select(t => $"'{t}'"))} there");
                        }
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(checkedSpans > 50, $"only {checkedSpans} inline scc commands found");
    }

    [Theory]
    [InlineData("scc pay --from alice --to bob", new[] { "pay", "--from", "alice", "--to", "bob" })]
    [InlineData("$ SCC_HOME=/tmp/h scc issuer init   # first", new[] { "issuer", "init" })]
    [InlineData("echo 1234 | scc lock -c alice --code -", new[] { "lock", "-c", "alice", "--code", "-" })]
    [InlineData("scc info --card \"pcsc:Virtual PCD 00 01\"", new[] { "info", "--card", "pcsc:Virtual PCD 00 01" })]
    [InlineData("scc recover --from 'pcsc:A B' --to x; echo \"(exit $?)\"", new[] { "recover", "--from", "pcsc:A B", "--to", "x" })]
    [InlineData("dotnet run --project tools/SmartCardCash.Cli -- demo --json", new[] { "demo", "--json" })]
    public void Shell_lines_are_split_as_a_shell_would(string line, string[] expected)
    {
        string commandLine = line.StartsWith("$ ", StringComparison.Ordinal) ? line[2..] : line;

        string[] args = Assert.Single(ShellLine.SccInvocations(commandLine));

        Assert.Equal(expected, args);
    }

    [GeneratedRegex(@"`(scc [^`]+)`")]
    private static partial Regex InlineScc();
}
