namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// The documentation these tests keep honest: README.md and every docs/*.md, found from the repository root (the folder
/// holding SmartCardCash.sln above the test assembly).
/// </summary>
internal static class RepositoryDocs
{
    /// <summary>The one command that rewrites the generated parts of the docs (CLI reference, code samples).</summary>
    public const string RegenerateCommand =
        "SCC_WRITE_DOCS=1 dotnet test tests/SmartCardCash.Cli.Tests -c Release --filter \"FullyQualifiedName~Cli.Tests.Docs\"";

    public static string Root { get; } = FindRoot();

    /// <summary>Whether this run rewrites the generated parts instead of only checking them.</summary>
    public static bool Writing => Environment.GetEnvironmentVariable("SCC_WRITE_DOCS") == "1";

    /// <summary>README.md and docs/*.md, as paths relative to the root with '/' separators.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => "docs/" + Path.GetFileName(f)),
    ];

    public static string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(FullPath(relative)).ReplaceLineEndings("\n");

    /// <summary>Where the compiled samples live (tests/SmartCardCash.Cli.Tests, the root of sample paths).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "SmartCardCash.Cli.Tests");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SmartCardCash.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no SmartCardCash.sln above {AppContext.BaseDirectory}");
    }
}
