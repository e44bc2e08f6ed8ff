namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// The tests' ledger of all value (spec 4.4, invariant 6): the balances, plus every payment whose value left its payer
/// and has not reached its payee, each payment once.
/// </summary>
/// <remarks>
/// <para>A payment left its payer when the payer is in epa for it or logged it (reason 01). A payer's record alone says
/// nothing of the payee: a payer aborted in epa keeps its val, and a payee still in epv takes it. So whether the value
/// arrived is read from the payee's side, as spec 4.4(6) classifies it: the payee's matching record (reason 02) makes it
/// definitely lost, the payee still in epv maybe lost; both count. A credit the archive saw (received, sent, ack)
/// means it arrived, and the value is in the payee's balance.</para>
/// <para>Neither is a contradiction the ledger does not guess at, unless the payee is busy with a later transfer: that
/// transfer's start aborted this one, logging it (02) in a log that cannot be read until it ends. A payee not among
/// the purses read took the value out of this ledger or never got it: it counts.</para>
/// </remarks>
internal static class Ledger
{
    /// <param name="purses">Every purse the value was minted into or moved between.</param>
    /// <param name="archive">What the test has seen so far (kept across steps); null: only what the purses show now.</param>
    public static long Accounted(IReadOnlyList<PurseSnapshot> purses, PaymentArchive? archive = null)
    {
        archive ??= new PaymentArchive();
        archive.Gather(purses);
        long total = purses.Sum(p => (long)p.Balance);
        foreach (PurseSnapshot purse in purses)
        {
            Assert.True(purse.Exceptions is not null || purse.State != TransferState.Idle, $"{purse.Name} is idle but its exception log was not read");
        }
        IEnumerable<PaymentDetails> leftPayers = purses
            .Where(p => p.State == TransferState.ExpectingAck && p.PdAuth is not null).Select(p => p.PdAuth!)
            .Concat(archive.Records.Where(r => r.Reason == ExceptionReason.PayerAbortedInEpa).Select(r => r.Details))
            .Distinct();
        foreach (PaymentDetails pd in leftPayers)
        {
            if (!Arrived(pd, purses, archive))
            {
                total += pd.Value;
            }
        }
        return total;
    }

    private static bool Arrived(PaymentDetails pd, IReadOnlyList<PurseSnapshot> purses, PaymentArchive archive)
    {
        PurseSnapshot? payee = purses.FirstOrDefault(p => p.Id == pd.To);
        bool notArrived = archive.Logged(pd, ExceptionReason.PayeeAbortedInEpv) || payee?.IsIn(TransferState.ExpectingVal, pd) == true;
        bool credited = archive.Credited(pd);
        Assert.False(notArrived && credited, $"{pd} was credited, and its payee also logged it (02) or still waits for it: value created");
        if (notArrived || credited || payee is null)
        {
            return credited;
        }
        Assert.True(payee.Exceptions is null,
            $"the ledger cannot place {pd}: its payee {payee.Name} shows neither a credit nor a record (reason 02) of it " +
            "(a transaction log keeps 10 records: keep a PaymentArchive across the test and gather after every payment)");
        return false;
    }
}
