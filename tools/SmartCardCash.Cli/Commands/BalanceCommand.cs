using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc balance</c>: the Mondex balance reader. No lock code: GET DATA is open to anyone holding the card.</summary>
internal sealed class BalanceCommand(GlobalOptions globals, CliContext context)
    : PurseCommand(globals, context, "balance", HelpTexts.BalanceDescription)
{
    protected override int Execute(CommandRun run)
    {
        using PurseConnection card = OpenCard(run);
        PurseFci fci = card.Purse.Select();
        var balances = card.Purse.GetBalances().Select(b => new Money(b.Currency, b.Balance)).ToList();

        run.Write(new BalanceJson(card.Name, fci.PurseId?.ToString(), [.. balances.Select(PurseFormats.Json)]), () =>
        {
            Table table = PurseTables.Create("Currency", "Balance");
            table.Columns[1].RightAligned();
            foreach (Money balance in balances)
            {
                table.AddRow(new Text(balance.Currency.ToString()), new Text(balance.AmountText));
            }
            run.Console.Write(new Text($"{card.Name}, purse {fci.PurseId}\n"));
            run.Console.Write(table);
        });
        return ExitCodes.Success;
    }
}
