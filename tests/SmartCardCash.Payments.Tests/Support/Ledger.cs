
namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// The bank's view of all value (spec 4.4, invariant 6): balances, plus every payer exception record (reason 01)
/// whose payment no payee credited, plus every payer still in epa for a payment its payee did not credit.
/// </summary>
/// <remarks>
/// A purse's exception log can only be read while it is idle (reading it aborts a transfer), so a purse caught in a
/// later transfer hides the records it logged before. An <see cref="ExceptionArchive"/> keeps every record once seen,
/// as the bank's archive does, so that a hidden record still counts.
/// </remarks>
internal static class Ledger
{
    public static long Accounted(IReadOnlyList<PurseSnapshot> purses, ExceptionArchive? archive = null)
    {
        archive?.Gather(purses);
        long total = purses.Sum(p => (long)p.Balance);
        foreach (PurseSnapshot purse in purses)
        {
            Assert.True(purse.Exceptions is not null || purse.State != TransferState.Idle, "an idle purse's exception log was read");
            if (purse.State == TransferState.ExpectingAck && purse.PdAuth is { } inFlight && !CreditedSomewhere(purses, inFlight))
            {
                total += inFlight.Value;
            }
        }
        IEnumerable<ExceptionRecord> records = archive?.Records ?? purses.SelectMany(p => (p.Exceptions ?? []).Select(e => e.Record));
        foreach (ExceptionRecord record in records)
        {
            if (record.Reason == ExceptionReason.PayerAbortedInEpa && !CreditedSomewhere(purses, record.Details))
            {
                total += record.Details.Value;
            }
        }
        return total;
    }

    public static bool CreditedSomewhere(IReadOnlyList<PurseSnapshot> purses, PaymentDetails pd) =>
        purses.Any(p => p.Id == pd.To && p.Received(pd));
}
