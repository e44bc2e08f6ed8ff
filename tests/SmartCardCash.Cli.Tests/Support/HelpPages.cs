using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// scc's command tree and its --help pages as a user reads them: every command's path, the examples a page shows, and
/// the exit codes it lists.
/// </summary>
internal static partial class HelpPages
{
    /// <summary>The real command tree, as <see cref="CliApplication"/> builds it for every run.</summary>
    public static Command BuildRoot() =>
        CliApplication.BuildRoot(new GlobalOptions(), new CliContext(TextWriter.Null, TextWriter.Null));

    /// <summary>Every command under the root, with the words that reach it ("card", "new").</summary>
    public static IEnumerable<(string[] Path, Command Command)> Commands(Command root)
    {
        var pending = new Stack<(string[] Path, Command Command)>();
        pending.Push(([], root));
        while (pending.Count > 0)
        {
            (string[] path, Command command) = pending.Pop();
            yield return (path, command);
            foreach (Command sub in command.Subcommands.Reverse())
            {
                pending.Push(([.. path, sub.Name], sub));
            }
        }
    }

    /// <summary>The lines after an "Examples:" heading that are scc commands, as a shell splits them into words.</summary>
    public static IReadOnlyList<string[]> Examples(string help)
    {
        var examples = new List<string[]>();
        string[] lines = help.Split('\n');
        int heading = Array.FindIndex(lines, l => l.Trim() == "Examples:");
        if (heading < 0)
        {
            return examples;
        }
        int indent = Indent(lines[heading]);
        foreach (string line in lines.Skip(heading + 1).TakeWhile(l => l.Trim().Length > 0 && Indent(l) > indent))
        {
            string text = line.Trim();
            if (text.StartsWith("scc ", StringComparison.Ordinal))
            {
                examples.Add(ShellWords(text["scc ".Length..]));
            }
        }
        return examples;
    }

    /// <summary>
    /// The exit codes a page lists, in the order it lists them: from a table under a heading that names exit codes
    /// ("  0  success"), or from a sentence ("Exit codes: 0 stopped; 1 refused").
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> ExitCodeLists(string help)
    {
        var lists = new List<IReadOnlyList<int>>();
        string[] lines = help.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i].Trim();
            int at = text.IndexOf("xit codes:", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            string rest = text[(at + "xit codes:".Length)..];
            if (rest.Length == 0)
            {
                int indent = Indent(lines[i]);
                lists.Add([.. lines.Skip(i + 1).TakeWhile(l => l.Trim().Length > 0 && Indent(l) > indent)
                    .Select(l => TableCode().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value))]);
                continue;
            }
            var sentence = new StringBuilder(rest);
            for (int j = i + 1; j < lines.Length && lines[j].Trim().Length > 0 && !lines[j].Trim().EndsWith(':'); j++)
            {
                sentence.Append(' ').Append(lines[j].Trim());
            }
            lists.Add([.. sentence.ToString().Split(';').Select(p => SentenceCode().Match(p)).Where(m => m.Success)
                .Select(m => int.Parse(m.Groups[1].Value))]);
        }
        return lists;
    }

    /// <summary>Words as a POSIX shell splits them: blanks separate, single and double quotes group.</summary>
    public static string[] ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        Assert.True(quote == '\0', $"unbalanced quote in: {line}");
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return [.. words];
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    [GeneratedRegex(@"^\s+(\d+)\s{2,}\S")]
    private static partial Regex TableCode();

    [GeneratedRegex(@"^\s*(\d+)\s")]
    private static partial Regex SentenceCode();
}
