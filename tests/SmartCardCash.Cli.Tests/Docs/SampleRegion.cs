using System.Text.RegularExpressions;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// A marked region of a compiled source file that a doc shows as a code sample: the lines between
/// <c>// &lt;NAME&gt;</c> and <c>// &lt;/NAME&gt;</c>, without their common indentation. A doc names it in an HTML
/// comment on the line above its csharp fence: <c>&lt;!-- sample: Docs/Samples/File.cs#NAME --&gt;</c>, the path
/// relative to tests/SmartCardCash.Cli.Tests.
/// </summary>
internal sealed partial record SampleRegion(string Reference, IReadOnlyList<string> Lines)
{
    /// <summary>The region a block's comment names, or null when the comment names none.</summary>
    public static string? ReferenceIn(string? comment)
    {
        Match match = comment is null ? Match.Empty : SampleComment().Match(comment);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <exception cref="InvalidOperationException">The file or the region does not exist.</exception>
    public static SampleRegion Load(string reference)
    {
        string[] parts = reference.Split('#');
        string path = Path.Combine(RepositoryDocs.TestProject, parts[0]);
        if (parts.Length != 2 || !File.Exists(path))
        {
            throw new InvalidOperationException($"no sample file {path} (a reference is FILE#REGION)");
        }
        string[] lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        int begin = Array.FindIndex(lines, l => l.Trim() == $"// <{parts[1]}>");
        int end = Array.FindIndex(lines, l => l.Trim() == $"// </{parts[1]}>");
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"{parts[0]} has no region '{parts[1]}' (// <{parts[1]}> … // </{parts[1]}>)");
        }
        string[] region = lines[(begin + 1)..end];
        int indent = region.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return new SampleRegion(reference, [.. region.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())]);
    }

    /// <summary>Every region reference in the samples folder, as FILE#NAME.</summary>
    public static IReadOnlyList<string> AllReferences()
    {
        string folder = Path.Combine(RepositoryDocs.TestProject, "Docs", "Samples");
        return
        [
            .. Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).SelectMany(file =>
                File.ReadAllLines(file).Select(l => RegionStart().Match(l)).Where(m => m.Success)
                    .Select(m => $"Docs/Samples/{Path.GetFileName(file)}#{m.Groups[1].Value}")),
        ];
    }

    [GeneratedRegex(@"^<!-- sample: (\S+) -->$")]
    private static partial Regex SampleComment();

    [GeneratedRegex(@"^\s*// <([A-Za-z0-9-]+)>$")]
    private static partial Regex RegionStart();
}
