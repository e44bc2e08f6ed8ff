using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank lost refund PURSE --account ID</c>: refunds every payment owed to the payer purse to the account
/// the operator names, once each; the purse is linked to that account from then on.</summary>
internal sealed class BankLostRefundCommand : BankClientCommand
{
    private readonly Argument<string> _purse = new("purse") { Description = "The payer purse ID (16 hex digits)." };
    private readonly Option<string?> _account = new("--account") { Description = "The account to refund to.", HelpName = "id", Required = true };

    public BankLostRefundCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "refund", BankArchiveHelpTexts.LostRefundDescription)
    {
        Add(_purse);
        Add(_account);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        RefundOwedJson refund = Call(cancel => Connect(run).RefundOwedAsync(run.Get(_purse)!, new RefundOwedRequest(run.Get(_account)), cancel));
        run.Write(refund, () =>
        {
            Context.Stdout.WriteLine(refund.Refunded.Count == 0
                ? $"Nothing is owed to purse {refund.Payer}; nothing was refunded."
                : $"Refunded {refund.Refunded.Count} owed {(refund.Refunded.Count == 1 ? "payment" : "payments")} of purse {refund.Payer} to {refund.Account}:");
            foreach (LostPaymentJson payment in refund.Refunded)
            {
                Context.Stdout.WriteLine($"  {BankMoney.Format(payment.Amount, payment.Currency)} (sequence number {payment.FromSeq}, to {payment.Payee})");
            }
        });
        return ExitCodes.Success;
    }
}
