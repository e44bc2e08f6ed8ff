using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Input;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank account list</c>: every account, the bank's own included, by ID.</summary>
internal sealed class BankAccountListCommand : BankClientCommand
{
    private readonly Option<string?> _currency = new("--currency")
    {
        Description = "Only the accounts in this currency.",
        HelpName = "code",
    };

    public BankAccountListCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "list", BankHelpTexts.AccountListDescription)
    {
        Add(_currency);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        string? currency = run.Get(_currency) is string text ? MoneyInput.Currency(text).AlphaCode : null;
        AccountsJson accounts = Call(cancel => Connect(run).ListAccountsAsync(currency, cancel));
        run.Write(accounts, () =>
        {
            if (accounts.Accounts.Count == 0)
            {
                Context.Stdout.WriteLine("No accounts yet: 'scc bank account open' opens one.");
                return;
            }
            run.Console.Write(BankTables.Accounts(accounts.Accounts));
        });
        return ExitCodes.Success;
    }
}
