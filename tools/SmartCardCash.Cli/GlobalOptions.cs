using System.CommandLine;

namespace SmartCardCash.Cli;

/// <summary>The options every command accepts (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON to stdout instead of a table.",
        Recursive = true,
    };

    public Option<bool> Trace { get; } = new("--trace")
    {
        Description = "Write a timed trace of every APDU exchanged with the card to stderr.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show PC/SC diagnostics on stderr, and the stack trace with an error.",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Json, Trace, Verbose];

    public OutputSettings Read(ParseResult parseResult) =>
        new(parseResult.GetValue(Json), parseResult.GetValue(Trace), parseResult.GetValue(Verbose));
}
