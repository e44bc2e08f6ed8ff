using System.CommandLine;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc balance</c>: the Mondex balance reader. No lock code: GET DATA is open to anyone holding the card.</summary>
internal sealed class BalanceCommand
{
    private readonly GlobalOptions _globals;
    private readonly CliContext _context;
    private readonly Option<string?> _card = CardOption.Create();

    public BalanceCommand(GlobalOptions globals, CliContext context)
    {
        _globals = globals;
        _context = context;
        Command = new Command("balance", HelpTexts.BalanceDescription) { _card };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        OutputSettings settings = _globals.Read(parseResult);
        var address = CardOption.Resolve(parseResult.GetValue(_card), _context.GetEnvironmentVariable);
        using var logging = CliLogging.Create(settings, _context);
        using PurseConnection card = CardSessions.Open(_context, settings, logging, address);
        PurseFci fci = card.Purse.Select();
        var balances = card.Purse.GetBalances().Select(b => new Money(b.Currency, b.Balance)).ToList();

        if (settings.Json)
        {
            JsonOutput.WriteDocument(_context.Stdout,
                new BalanceJson(card.Name, fci.PurseId?.ToString(), [.. balances.Select(PurseFormats.Json)]));
            return ExitCodes.Success;
        }
        IAnsiConsole console = ConsoleFactory.Create(_context.Stdout, _context.IsTerminal);
        Table table = PurseTables.Create("Currency", "Balance");
        table.Columns[1].RightAligned();
        foreach (Money balance in balances)
        {
            table.AddRow(new Text(balance.Currency.ToString()), new Text(balance.AmountText));
        }
        console.Write(new Text($"{card.Name}, purse {fci.PurseId}\n"));
        console.Write(table);
        return ExitCodes.Success;
    }
}
