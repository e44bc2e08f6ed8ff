namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// One fenced code block of a markdown file: its info string ("csharp", "sh", "text"), its lines, where it starts, and
/// the HTML comment on the line just above its opening fence, if any (where a sample names its source).
/// </summary>
/// <param name="OpeningLine">1-based line number of the opening fence.</param>
/// <param name="FirstContentIndex">0-based index of the first line inside the fence.</param>
internal sealed record FencedBlock(string File, int OpeningLine, int FirstContentIndex, string Info,
    IReadOnlyList<string> Lines, string? CommentAbove)
{
    private static readonly HashSet<string> CSharpInfos = ["csharp", "cs", "c#"];

    public string Where => $"{File}:{OpeningLine}";

    /// <summary>Whether the block says it holds C# (its info string's first word, in any case).</summary>
    public bool IsCSharp => CSharpInfos.Contains(Info.Split(' ', 2)[0].ToLowerInvariant());

    /// <summary>Every fenced block of <paramref name="markdown"/>, in order; an unclosed fence is an error.</summary>
    public static IReadOnlyList<FencedBlock> All(string file, string markdown)
    {
        string[] lines = markdown.Split('\n');
        var blocks = new List<FencedBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }
            string info = lines[i][3..].Trim();
            int close = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (close < 0)
            {
                throw new InvalidOperationException($"{file}:{i + 1}: the fence opened here is never closed");
            }
            string? comment = i > 0 && lines[i - 1].StartsWith("<!--", StringComparison.Ordinal) ? lines[i - 1] : null;
            blocks.Add(new FencedBlock(file, i + 1, i + 1, info, lines[(i + 1)..close], comment));
            i = close;
        }
        return blocks;
    }

    /// <summary>The markdown outside fenced blocks, line by line (blank lines in place of fenced ones, so numbers hold).</summary>
    public static IReadOnlyList<string> Prose(string markdown)
    {
        string[] lines = markdown.Split('\n');
        bool inFence = false;
        for (int i = 0; i < lines.Length; i++)
        {
            bool fence = lines[i].StartsWith("```", StringComparison.Ordinal);
            if (fence || inFence)
            {
                inFence = fence ? !inFence : inFence;
                lines[i] = "";
            }
        }
        return lines;
    }
}
