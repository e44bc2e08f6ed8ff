using System.Text.RegularExpressions;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// One scc invocation the docs show in a shell or transcript block: where it is, the line as written, its arguments,
/// and, in a transcript (<c>$ </c> lines of a text block), the output shown after it up to the next prompt.
/// </summary>
internal sealed partial record ShellExample(string Where, string Line, string[] Args, IReadOnlyList<string> Output)
{
    private static readonly HashSet<string> ScriptInfos = ["sh", "shell", "bash"];

    /// <summary>The "(exit N)" the transcript shows after the command, if it shows one.</summary>
    public int? ShownExitCode
    {
        get
        {
            Match? match = Output.Select(l => ExitNote().Match(l)).FirstOrDefault(m => m.Success);
            return match is null ? null : int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Every scc invocation in the fenced blocks of every doc.</summary>
    public static IReadOnlyList<ShellExample> All() =>
        [.. RepositoryDocs.Files.SelectMany(f => FencedBlock.All(f, RepositoryDocs.Read(f))).SelectMany(In)];

    public static IEnumerable<ShellExample> In(FencedBlock block)
    {
        bool script = ScriptInfos.Contains(block.Info);
        if (!script && block.Info is not ("text" or "console"))
        {
            yield break;
        }
        for (int i = 0; i < block.Lines.Count; i++)
        {
            string line = block.Lines[i];
            if (!script && !line.StartsWith("$ ", StringComparison.Ordinal))
            {
                continue;
            }
            string commandLine = script ? line : line[2..];
            int next = script ? i + 1 : FindNextPrompt(block.Lines, i + 1);
            IReadOnlyList<string> output = script ? [] : [.. block.Lines.Skip(i + 1).Take(next - i - 1)];
            foreach (string[] args in ShellLine.SccInvocations(commandLine))
            {
                yield return new ShellExample($"{block.File}:{block.FirstContentIndex + i + 1}", commandLine, args, output);
            }
        }
    }

    private static int FindNextPrompt(IReadOnlyList<string> lines, int from)
    {
        for (int i = from; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                return i;
            }
        }
        return lines.Count;
    }

    [GeneratedRegex(@"\(exit (\d+)\)\s*$")]
    private static partial Regex ExitNote();
}
