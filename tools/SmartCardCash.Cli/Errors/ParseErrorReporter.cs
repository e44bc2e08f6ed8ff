using System.CommandLine;
using System.CommandLine.Parsing;

namespace SmartCardCash.Cli.Errors;

/// <summary>
/// A command line scc cannot parse, in one line like every other error, and exit 2:
/// "scc: unrecognized command or argument 'balanse'; did you mean 'balance'? (see 'scc --help')".
/// </summary>
internal static class ParseErrorReporter
{
    public static int Report(ParseResult parseResult, TextWriter stderr)
    {
        CommandResult command = parseResult.CommandResult;
        List<string> messages = UnknownWord(parseResult, command) is { } unknown ? [unknown] : Messages(parseResult, command);
        stderr.WriteLine($"{CliApplication.Name}: {string.Join("; ", messages)} (see '{Path(command)} --help')");
        return ExitCodes.UsageError;
    }

    /// <summary>
    /// The first word scc did not recognise, with the nearest commands or options when there are some. The words after
    /// a mistyped one are most likely its own arguments, so only it is reported then.
    /// </summary>
    private static string? UnknownWord(ParseResult parseResult, CommandResult command)
    {
        string? word = parseResult.UnmatchedTokens.FirstOrDefault();
        if (word is null)
        {
            return null;
        }
        IEnumerable<string> names = word.StartsWith('-')
            ? OptionsOf(command).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        IReadOnlyList<string> nearest = TypoSuggestions.For(word.Split('=')[0], names);
        return nearest.Count == 0
            ? null
            : $"unrecognized command or argument '{word}'; did you mean {TypoSuggestions.Phrase(nearest)}?";
    }

    private static List<string> Messages(ParseResult parseResult, CommandResult command)
    {
        // A command's validator that fails stops System.CommandLine from checking its arguments, so a missing name
        // behind a missing --class would go unsaid: every argument is checked here, and said first.
        var missing = command.Command.Arguments
            .Where(a => (parseResult.GetResult(a)?.Tokens.Count ?? 0) < a.Arity.MinimumNumberOfValues)
            .ToList();
        var messages = new List<string>();
        messages.AddRange(missing
            .Where(a => !parseResult.Errors.Any(e => e.SymbolResult is ArgumentResult r && r.Argument == a))
            .Select(Missing));
        messages.AddRange(parseResult.Errors.Select(e =>
            e.SymbolResult is ArgumentResult r && missing.Contains(r.Argument) ? Missing(r.Argument)
            : e.SymbolResult == command && IsOnlyAGroup(command.Command) && parseResult.UnmatchedTokens.Count == 0
                ? CommandMissing(command) : Sentence(e.Message)));
        messages = [.. messages.Where(m => m.Length > 0).Distinct()];

        // "scc dance" also reports that no command was given; the unknown word is the one thing to say.
        var aboutUnknownWords = messages
            .Where(m => parseResult.UnmatchedTokens.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)))
            .ToList();
        return aboutUnknownWords.Count > 0 ? aboutUnknownWords : messages;
    }

    private static string Missing(Argument argument) => $"argument <{argument.HelpName ?? argument.Name}> is missing";

    /// <summary>A command that does nothing itself, only holds others (scc card, scc issuer, scc itself).</summary>
    private static bool IsOnlyAGroup(Command command) => command.Action is null && command.Subcommands.Count > 0;

    /// <summary>"'scc card' needs one of its commands: new, list, delete, personalise"; scc's own are too many to list.</summary>
    private static string CommandMissing(CommandResult command)
    {
        string[] names = [.. command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)];
        return names.Length > 8
            ? "a command is missing"
            : $"'{Path(command)}' needs one of its commands: {string.Join(", ", names)}";
    }

    /// <summary>System.CommandLine's sentences, as the middle of one line: "Option '--x' is required." → "option '--x' is required".</summary>
    private static string Sentence(string message)
    {
        string line = ErrorReporter.OneLine(message);
        return line.Length == 0 ? line : char.ToLowerInvariant(line[0]) + line[1..];
    }

    /// <summary>The options a command accepts: its own and the recursive ones of the commands above it.</summary>
    private static IEnumerable<Option> OptionsOf(CommandResult command)
    {
        IEnumerable<Option> options = command.Command.Options;
        for (SymbolResult? parent = command.Parent; parent is CommandResult above; parent = above.Parent)
        {
            options = options.Concat(above.Command.Options.Where(o => o.Recursive));
        }
        return options;
    }

    /// <summary>"scc card new".</summary>
    private static string Path(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult commandResult; result = commandResult.Parent)
        {
            names.Insert(0, commandResult.Command.Name);
        }
        return string.Join(' ', names);
    }
}
