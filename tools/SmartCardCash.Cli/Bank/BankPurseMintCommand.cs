using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Input;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank purses mint</c>: the issuer mints value into a bank purse, the purse's MINT and the ledger's
/// posting committed together, once per request ID: the float loads pay from never comes from nothing.</summary>
internal sealed class BankPurseMintCommand : BankClientCommand
{
    private readonly Option<string?> _purse = new("--purse") { Description = "The bank purse's ID (16 hex digits).", HelpName = "id", Required = true };
    private readonly Option<string?> _amount = new("--amount") { Description = "How much to mint, in the purse's currency (1000.00).", HelpName = "amount", Required = true };
    private readonly Option<string?> _requestId = new("--request-id")
    {
        Description = "This mint's own ID: the same ID again mints nothing more, and with another amount is refused.",
        HelpName = "id",
        Required = true,
    };

    public BankPurseMintCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "mint", BankPaymentHelpTexts.PurseMintDescription)
    {
        Add(_purse, _amount, _requestId);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        string id = run.Get(_purse)!.Trim().ToUpperInvariant();
        var client = Connect(run);
        BankPurseJson purse = Call(cancel => client.ListBankPursesAsync(null, cancel)).Purses.FirstOrDefault(p => p.Id == id)
            ?? throw new UsageException($"--purse: the bank has no purse {id} ('scc bank purses list' shows them)");
        Currency currency = Currency.FromAlpha(purse.Currency);
        Money amount = MoneyInput.Amount(run.Get(_amount), currency, "--amount", positive: true);
        BankPurseJson minted = Call(cancel => client.MintAsync(id, new MintRequest(run.Get(_requestId), checked((long)amount.MinorUnits)), cancel));
        run.Write(minted, () => Context.Stdout.WriteLine(
            $"Bank purse {minted.Id} holds {BankMoney.Format(minted.Balance, minted.Currency)} (mint {run.Get(_requestId)} of {amount})."));
        return ExitCodes.Success;
    }
}
