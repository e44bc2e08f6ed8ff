using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;

namespace SmartCardCash.Cli.Commands;

/// <summary>A command on the purse of the card that --card (-c), else SCC_CARD, names; --card comes first in its help.</summary>
internal abstract class PurseCommand : CliCommand
{
    private readonly Option<string?> _card = CardOption.Create();

    protected PurseCommand(GlobalOptions globals, CliContext context, string name, string description)
        : base(globals, context, name, description)
    {
        Add(_card);
    }

    /// <summary>The card's address: --card, else SCC_CARD; neither, or a malformed address, is a usage error.</summary>
    protected CardAddress ResolveCard(CommandRun run) => run.ResolveCard(_card);

    /// <summary>Opens the card --card (else SCC_CARD) names, and its purse.</summary>
    protected PurseConnection OpenCard(CommandRun run) => run.OpenPurse(ResolveCard(run));
}
