namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>The docs tests look at every markdown file a reader opens, not at a list someone has to keep up.</summary>
public sealed class RepositoryDocsTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/developer-guide.md")]
    [InlineData("host/SmartCardCash.Purse/README.md")]
    [InlineData("emulator/README.md")]
    [InlineData("emulator/SmartCardCash.Emulator.Vpcd/README.md")]
    [InlineData("applet-spec/purse-applet.md")]
    [InlineData("applet-spec/vectors/README.md")]
    [InlineData("tools/SmartCardCash.Bench/README.md")]
    public void The_front_page_the_guides_the_project_readmes_and_the_spec_are_checked(string file)
    {
        Assert.Contains(file, RepositoryDocs.Files);
    }

    [Fact]
    public void Every_project_readme_is_checked_and_nothing_from_build_output()
    {
        string[] projectReadmes =
        [
            .. Directory.GetFiles(RepositoryDocs.Root, "*.csproj", SearchOption.AllDirectories)
                .Select(p => Path.Combine(Path.GetDirectoryName(p)!, "README.md"))
                .Where(File.Exists)
                .Select(p => Path.GetRelativePath(RepositoryDocs.Root, p).Replace(Path.DirectorySeparatorChar, '/')),
        ];

        Assert.True(projectReadmes.Length >= 9, $"only {projectReadmes.Length} project READMEs found");
        Assert.All(projectReadmes, r => Assert.Contains(r, RepositoryDocs.Files));
        Assert.DoesNotContain(RepositoryDocs.Files, f => f.Split('/').Any(part => part is "bin" or "obj"));
    }
}
