using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Input;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank cash-in</c>: a teller credits an account with cash taken in, once per request ID.</summary>
internal sealed class BankCashInCommand : BankClientCommand
{
    private readonly Option<string?> _account = new("--account") { Description = "The account to credit.", HelpName = "id", Required = true };
    private readonly Option<string?> _amount = new("--amount") { Description = "The cash taken in (25.00).", HelpName = "amount", Required = true };
    private readonly Option<string?> _currency = new("--currency") { Description = "Its currency: the account's.", HelpName = "code", Required = true };
    private readonly Option<string?> _requestId = new("--request-id")
    {
        Description = "This cash-in's own ID (a receipt number, like till-1/0042): the same ID again credits nothing more, and " +
            "with another account or amount is refused.",
        HelpName = "id",
        Required = true,
    };

    public BankCashInCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "cash-in", BankHelpTexts.CashInDescription)
    {
        Add(_account, _amount, _currency, _requestId);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        Currency currency = MoneyInput.Currency(run.Get(_currency));
        Money amount = MoneyInput.Amount(run.Get(_amount), currency, "--amount", positive: true);
        var request = new CashInRequest(run.Get(_requestId), run.Get(_account), checked((long)amount.MinorUnits), currency.AlphaCode);
        CashInJson recorded = Call(cancel => Connect(run).CashInAsync(request, cancel));
        run.Write(recorded, () => Context.Stdout.WriteLine(recorded.AlreadyRecorded
            ? $"Cash-in {recorded.RequestId} was recorded already ({amount} to {recorded.Account}); nothing changed."
            : $"Credited {amount} in cash to {recorded.Account} (cash-in {recorded.RequestId})."));
        return ExitCodes.Success;
    }
}
