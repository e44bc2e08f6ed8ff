namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// The documentation these tests keep honest: every markdown file in the repository that a reader opens (README.md,
/// docs/, each project's README, the purse specification and its vectors' README), found from the repository root (the
/// folder holding SmartCardCash.sln above the test assembly). Build output and the folders git ignores are left out.
/// </summary>
internal static class RepositoryDocs
{
    /// <summary>The one command that rewrites the generated parts of the docs (CLI reference, code samples).</summary>
    public const string RegenerateCommand =
        "SCC_WRITE_DOCS=1 dotnet test tests/SmartCardCash.Cli.Tests -c Release --filter \"FullyQualifiedName~Cli.Tests.Docs\"";

    public static string Root { get; } = FindRoot();

    /// <summary>Whether this run rewrites the generated parts instead of only checking them.</summary>
    public static bool Writing => Environment.GetEnvironmentVariable("SCC_WRITE_DOCS") == "1";

    /// <summary>Folders that hold no documentation of their own: build output, git's and the IDEs' state, results.</summary>
    private static readonly HashSet<string> SkippedFolders =
        ["bin", "obj", ".git", ".vs", ".idea", ".scc", "TestResults", "BenchmarkDotNet.Artifacts", "artifacts"];

    /// <summary>Every *.md under the root outside <see cref="SkippedFolders"/>, relative to the root with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> Files { get; } = FindMarkdown();

    public static string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(FullPath(relative)).ReplaceLineEndings("\n");

    /// <summary>Where the compiled samples live (tests/SmartCardCash.Cli.Tests, the root of sample paths).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "SmartCardCash.Cli.Tests");

    private static string[] FindMarkdown()
    {
        var found = new List<string>();
        var folders = new Stack<DirectoryInfo>([new DirectoryInfo(Root)]);
        while (folders.Count > 0)
        {
            DirectoryInfo folder = folders.Pop();
            found.AddRange(folder.GetFiles("*.md").Select(f => Path.GetRelativePath(Root, f.FullName).Replace(Path.DirectorySeparatorChar, '/')));
            foreach (DirectoryInfo sub in folder.GetDirectories().Where(d => !SkippedFolders.Contains(d.Name)))
            {
                folders.Push(sub);
            }
        }
        return [.. found.Order(StringComparer.Ordinal)];
    }

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
