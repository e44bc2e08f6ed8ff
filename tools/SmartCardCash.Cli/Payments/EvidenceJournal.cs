using SmartCardCash.Cli.Errors;
using SmartCardCash.Journal;
using SmartCardCash.LocalData;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// Keeps the evidence of each payment scc completes (the payer's signed val) in the terminal journal,
/// <c>$SCC_HOME/journal/payments.jsonl</c>, for the bank's clearing. A journal that cannot be written does not undo
/// the payment: the value has moved, and the caller says that only the evidence is missing (exit 7).
/// </summary>
internal sealed class EvidenceJournal(CliContext context)
{
    private readonly PaymentJournal _journal = PaymentJournal.InHome(context.Home);

    /// <param name="source">The command: <c>pay</c>, <c>receive</c>, <c>recover</c>.</param>
    public KeptEvidence Keep(SignedPayment payment, string source)
    {
        try
        {
            _journal.Append(new JournalEntry(context.Time.GetUtcNow(), source, payment));
            return new KeptEvidence(_journal.FilePath, null);
        }
        catch (LocalDataException e)
        {
            return new KeptEvidence(_journal.FilePath, ErrorReporter.OneLine(e.Message));
        }
    }

    /// <summary>
    /// The one error line when the evidence was not kept: what moved, what is missing, and why. "bob was credited with
    /// EUR 12.50 from purse 5343430A00000002, but its evidence was not kept: …; the value moved, only the payer's signed
    /// val, for the bank, is missing".
    /// </summary>
    public static string NotKept(string payee, SignedPayment payment, KeptEvidence evidence) =>
        $"{payee} was credited with {new Money(payment.Details.Currency, payment.Details.Value)} from purse " +
        $"{payment.Details.From}, but its evidence was not kept: {evidence.Problem}; the value moved, only the payer's " +
        "signed val, for the bank, is missing";
}
