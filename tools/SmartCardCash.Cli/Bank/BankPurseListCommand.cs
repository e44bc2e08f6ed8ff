using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Output;
using Spectre.Console;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank purses list</c>: the bank's own purses: balance, state, the load or deposit holding each.</summary>
internal sealed class BankPurseListCommand : BankClientCommand
{
    private readonly Option<string?> _currency = new("--currency") { Description = "Only the purses of this currency.", HelpName = "code" };

    public BankPurseListCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "list", BankPaymentHelpTexts.PurseListDescription)
    {
        Add(_currency);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        string? currency = run.Get(_currency) is string text ? MoneyInput.Currency(text).AlphaCode : null;
        BankPursesJson purses = Call(cancel => Connect(run).ListBankPursesAsync(currency, cancel));
        run.Write(purses, () =>
        {
            if (purses.Purses.Count == 0)
            {
                Context.Stdout.WriteLine("No bank purses yet: 'scc bank purses provision --currency EUR' makes one, 'scc bank purses mint' funds it.");
                return;
            }
            Table table = PurseTables.Create("Purse", "Currency", "Balance", "State", "Held by");
            table.Columns[2].RightAligned();
            foreach (BankPurseJson p in purses.Purses)
            {
                table.AddRow(new Text(p.Id), new Text(p.Currency), new Text(BankMoney.Format(p.Balance, p.Currency)), new Text(p.State),
                    new Text(p.HeldBy ?? "(free)"));
            }
            run.Console.Write(table);
        });
        return ExitCodes.Success;
    }
}
