using System.Text;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// Reads a documented shell command line as a POSIX shell would split it, far enough to find the <c>scc</c>
/// invocations in it: quotes, backslashes, comments, pipes and lists (<c>|</c>, <c>;</c>, <c>&amp;&amp;</c>), leading
/// variable assignments, and <c>dotnet run --project tools/SmartCardCash.Cli -- ARGS</c> as scc ARGS.
/// </summary>
internal static class ShellLine
{
    /// <summary>The argument lists of every scc the line runs (none when it runs no scc).</summary>
    public static IReadOnlyList<string[]> SccInvocations(string line)
    {
        var invocations = new List<string[]>();
        foreach (List<string> words in Commands(line))
        {
            int first = words.FindIndex(w => !IsAssignment(w));
            if (first < 0)
            {
                continue;
            }
            List<string> command = words[first..];
            if (command[0] == "scc")
            {
                invocations.Add([.. command.Skip(1)]);
            }
            else if (command[0] == "dotnet" && command.Contains("tools/SmartCardCash.Cli") && command.Contains("--"))
            {
                invocations.Add([.. command.Skip(command.IndexOf("--") + 1)]);
            }
        }
        return invocations;
    }

    /// <summary>The simple commands of the line, each as its words.</summary>
    public static IReadOnlyList<List<string>> Commands(string line)
    {
        var commands = new List<List<string>> { new() };
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        void EndWord()
        {
            if (inWord)
            {
                commands[^1].Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') { quote = '\0'; } else { word.Append(c); }
            }
            else if (quote == '"')
            {
                if (c == '"') { quote = '\0'; }
                else if (c == '\\' && i + 1 < line.Length && "\"\\$`".Contains(line[i + 1])) { word.Append(line[++i]); }
                else { word.Append(c); }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                EndWord();
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else if (c is '|' or ';' or '&')
            {
                EndWord();
                while (i + 1 < line.Length && line[i + 1] is '|' or '&')
                {
                    i++;
                }
                commands.Add([]);
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote != '\0')
        {
            throw new FormatException($"unclosed {quote} quote in: {line}");
        }
        EndWord();
        return [.. commands.Where(c => c.Count > 0)];
    }

    private static bool IsAssignment(string word)
    {
        int equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && word[..equals].All(c => c == '_' || char.IsAsciiLetterOrDigit(c)) && !char.IsAsciiDigit(word[0]);
    }
}
