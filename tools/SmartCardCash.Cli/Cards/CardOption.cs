using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Errors;

namespace SmartCardCash.Cli.Cards;

/// <summary>The --card (-c) option of the purse commands: a card address, SCC_CARD by default.</summary>
internal static class CardOption
{
    public const string CardVariable = "SCC_CARD";

    /// <summary>
    /// The option, offering the addresses of a card here: a remote card (tcp://) is refused by 'scc receive', and the
    /// 'scc receive' serving one answers everything but paying into it with 6900.
    /// </summary>
    /// <param name="subject">What the card is for, when it is more than "The card".</param>
    /// <param name="requirement">When it must be given, SCC_CARD aside.</param>
    public static Option<string?> Create(string subject = "The card", string requirement = "Required") => new("--card", "-c")
    {
        Description = $"{subject}: emu:NAME (an emulated card), pcsc:READER (a reader, full name or unique part), or a bare " +
            $"NAME (an emulated card if one has that name, else a reader). {requirement} unless {CardVariable} names it.",
        HelpName = "card",
    };

    /// <summary>--card wins over SCC_CARD; neither, or a malformed address, is a usage error.</summary>
    public static CardAddress Resolve(string? option, Func<string, string?> getEnvironmentVariable)
    {
        string? text = string.IsNullOrWhiteSpace(option) ? getEnvironmentVariable(CardVariable) : option;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException(
                $"which card? give --card (emu:NAME, pcsc:READER or a card name), or set {CardVariable}");
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
