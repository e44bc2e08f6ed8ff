using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Errors;

namespace SmartCardCash.Cli.Cards;

/// <summary>The --card (-c) option of the purse commands: a card address, SCC_CARD by default.</summary>
internal static class CardOption
{
    public const string CardVariable = "SCC_CARD";

    public static Option<string?> Create() => new("--card", "-c")
    {
        Description = "The card: emu:NAME (an emulated card), pcsc:READER (a reader, full name or unique part), " +
            $"tcp://HOST:PORT (a remote card), or a bare NAME (an emulated card if one has that name, else a reader). Default: {CardVariable}.",
        HelpName = "card",
    };

    /// <summary>--card wins over SCC_CARD; neither, or a malformed address, is a usage error.</summary>
    public static CardAddress Resolve(string? option, Func<string, string?> getEnvironmentVariable)
    {
        string? text = string.IsNullOrWhiteSpace(option) ? getEnvironmentVariable(CardVariable) : option;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException(
                $"which card? give --card (emu:NAME, pcsc:READER, tcp://HOST:PORT or a card name), or set {CardVariable}");
        }
        try
        {
            return CardAddress.Parse(text);
        }
        catch (FormatException e)
        {
            string where = string.IsNullOrWhiteSpace(option) ? $"{CardVariable}: " : string.Empty;
            throw new UsageException(where + ErrorReporter.OneLine(e.Message));
        }
    }
}
