using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// A transcript block the docs mark with <see cref="Marker"/>: its <c>$ scc …</c> lines run in-process, in order, in a
/// fresh SCC_HOME with the clock at <see cref="Clock"/>, and what scc prints (stdout, then stderr, then
/// <c>(exit N)</c> unless N is 0) must match the lines shown under each. A line that is just <c>…</c> stands for any
/// number of lines; a line ending in <c>…</c> for any line that starts with the text before it.
/// </summary>
internal sealed class Transcript(FencedBlock block)
{
    public const string Marker = "<!-- transcript: runs in an empty SCC_HOME -->";

    private const string Ellipsis = "…";

    /// <summary>The day the docs' captured outputs show.</summary>
    public static readonly DateTimeOffset Clock = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public FencedBlock Block { get; } = block;

    /// <summary>Every marked transcript in the docs.</summary>
    public static IReadOnlyList<Transcript> All() =>
    [
        .. RepositoryDocs.Files.SelectMany(f => FencedBlock.All(f, RepositoryDocs.Read(f)))
            .Where(b => b.CommentAbove == Marker)
            .Select(b => new Transcript(b)),
    ];

    /// <summary>Runs every command; returns the first mismatch, or null when the transcript holds.</summary>
    public string? Check()
    {
        string home = Path.Combine(Path.GetTempPath(), "scc-docs-transcript-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        try
        {
            IReadOnlyList<string> lines = Block.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                if (!lines[i].StartsWith("$ ", StringComparison.Ordinal))
                {
                    continue;
                }
                int next = i + 1;
                while (next < lines.Count && !lines[next].StartsWith("$ ", StringComparison.Ordinal))
                {
                    next++;
                }
                string[] actual = Run(lines[i][2..], home);
                string[] expected = [.. lines.Skip(i + 1).Take(next - i - 1)];
                if (!Matches(expected, 0, actual, 0))
                {
                    return $"{Block.File}:{Block.FirstContentIndex + i + 1}: '{lines[i]}' printed:\n{string.Join('\n', actual)}\n" +
                        $"but the doc shows:\n{string.Join('\n', expected)}";
                }
            }
            return null;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static string[] Run(string commandLine, string home)
    {
        List<string> words = Assert.Single(ShellLine.Commands(commandLine));
        var environment = new Dictionary<string, string> { ["SCC_HOME"] = home };
        while (words.Count > 0 && words[0].Contains('=', StringComparison.Ordinal))
        {
            string[] pair = words[0].Split('=', 2);
            environment[pair[0]] = pair[1];
            words.RemoveAt(0);
        }
        Assert.Equal("scc", words[0]);

        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr)
        {
            GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
            Time = new FixedTimeProvider(Clock),
        };
        int exitCode = CliApplication.Run([.. words.Skip(1)], context);
        IEnumerable<string> printed = (stdout.ToString() + stderr).Split('\n').Where(l => l.Length > 0);
        return [.. printed, .. exitCode == 0 ? Array.Empty<string>() : [$"(exit {exitCode})"]];
    }

    private static bool Matches(string[] expected, int e, string[] actual, int a)
    {
        if (e == expected.Length)
        {
            return a == actual.Length;
        }
        if (expected[e] == Ellipsis)
        {
            for (int skip = a; skip <= actual.Length; skip++)
            {
                if (Matches(expected, e + 1, actual, skip))
                {
                    return true;
                }
            }
            return false;
        }
        if (a == actual.Length)
        {
            return false;
        }
        bool same = expected[e].EndsWith(Ellipsis, StringComparison.Ordinal)
            ? actual[a].StartsWith(expected[e][..^Ellipsis.Length], StringComparison.Ordinal)
            : actual[a] == expected[e];
        return same && Matches(expected, e + 1, actual, a + 1);
    }
}
