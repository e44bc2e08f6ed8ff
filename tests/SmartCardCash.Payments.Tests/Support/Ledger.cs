
namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// The bank's view of all value (spec 4.4, invariant 6): balances, plus every payer exception record (reason 01)
/// whose payment no payee credited, plus every payer still in epa for a payment its payee did not credit.
/// </summary>
internal static class Ledger
{
    public static long Accounted(IReadOnlyList<PurseSnapshot> purses)
    {
        long total = purses.Sum(p => (long)p.Balance);
        foreach (PurseSnapshot purse in purses)
        {
            Assert.True(purse.Exceptions is not null || purse.State != TransferState.Idle, "an idle purse's exception log was read");
            foreach (ExceptionLogEntry entry in purse.Exceptions ?? [])
            {
                PaymentDetails pd = entry.Record.Details;
                if (entry.Record.Reason == ExceptionReason.PayerAbortedInEpa && !CreditedSomewhere(purses, pd))
                {
                    total += pd.Value;
                }
            }
            if (purse.State == TransferState.ExpectingAck && purse.PdAuth is { } inFlight && !CreditedSomewhere(purses, inFlight))
            {
                total += inFlight.Value;
            }
        }
        return total;
    }

    public static bool CreditedSomewhere(IReadOnlyList<PurseSnapshot> purses, PaymentDetails pd) =>
        purses.Any(p => p.Id == pd.To && p.Received(pd));
}
