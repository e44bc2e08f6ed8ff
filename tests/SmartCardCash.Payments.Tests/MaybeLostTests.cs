namespace SmartCardCash.Payments.Tests;

/// <summary>
/// A payer's exception record (reason 01) alone is never grounds for a refund (spec 4.4(6)): a payer aborted in epa
/// keeps its val in the pending log, and a payee still in epv takes it. Abandon the payer, then recover with both
/// cards: the payee ends with the value while the payer keeps its signed 01 record.
/// </summary>
public sealed class MaybeLostTests
{
    private const uint Minted = 100_000;

    [Fact]
    public void Abandoning_the_payer_then_recovering_credits_the_payee_the_01_record_stays_and_the_value_counts_once()
    {
        var world = new PaymentWorld();
        var archive = new PaymentArchive();
        TestCard bank = world.Bank("bank", Minted);
        TestCard alice = world.Customer("alice", 10_000, bank);
        TestCard bob = world.Customer("bob");
        TestCard carol = world.Customer("carol");
        TestCard[] everyone = [bank, alice, bob, carol];
        PurseSnapshot[] Read() => [.. everyone.Select(c => c.Read())];
        PaymentDetails pd = PaymentWorld.StartAndStop(alice, bob, 1_250, stopBefore: PurseInstruction.Val);

        // Abandoned: alice logs 01 while bob still waits in epv. Maybe lost, counted once, and nothing is promised.
        PaymentOutcome abandoned = world.Coordinator.Abandon(alice.Purse);
        Assert.Equal((PaymentOutcomeKind.ValueLogged, PaymentRemedy.BankSettles), (abandoned.Kind, abandoned.Remedy));
        Assert.Contains("The payment is maybe lost: the payee may already have it, or may still take it", abandoned.Summary);
        Assert.EndsWith("the bank refunds it only when the payee's matching record (reason 02) shows it never arrived.", abandoned.Summary);
        Assert.Equal(Minted, Ledger.Accounted(Read(), archive));

        // Recovered: alice's val still credits bob; alice keeps her 01 record, bob logs no 02.
        PaymentOutcome recovered = world.Coordinator.Recover(alice.Purse, bob.Purse);
        PurseSnapshot aliceNow = alice.Read(), bobNow = bob.Read();
        Assert.Equal((PaymentOutcomeKind.Completed, ValueLocation.WithPayee), (recovered.Kind, recovered.Value));
        Assert.Contains("RESUME on alice gave the val it kept after its abort; VAL to bob credited it (alice is idle, so no ACK).",
            recovered.Recovery);
        Assert.Equal("Finished the interrupted payment: EUR 12.50 from alice to bob is complete. alice had aborted it meanwhile, " +
            "so its exception log also holds a record (reason 01) for it: the bank never refunds that record, because bob was " +
            "credited and so never logs the matching record (reason 02) a refund needs.", recovered.Summary);
        OutcomeAudit.AssertTrue(recovered, aliceNow, bobNow, payerBefore: 10_000, payeeBefore: 0);
        Assert.Equal((8_750u, 1_250u), (aliceNow.Balance, bobNow.Balance));
        Assert.True(aliceNow.Logged(pd, ExceptionReason.PayerAbortedInEpa));
        Assert.False(bobNow.Logged(pd, ExceptionReason.PayeeAbortedInEpv));
        Assert.Equal(Minted, Ledger.Accounted(Read(), archive));
        Assert.Equal(PaymentOutcomeKind.NothingToRecover, world.Coordinator.Recover(alice.Purse, bob.Purse).Kind);

        // Ten more payments push bob's record of the credit out of his transaction log; the 01 record stays on alice.
        for (int i = 0; i < PurseConstants.TransactionLogCapacity; i++)
        {
            Assert.Equal(PaymentOutcomeKind.Completed, world.Pay(bob, carol, 1).Kind);
            archive.Gather(Read());
        }
        PurseSnapshot[] later = Read();
        Assert.DoesNotContain(later[2].Transactions, t => t.Record.Details.Equals(pd));
        Assert.True(later[1].Logged(pd, ExceptionReason.PayerAbortedInEpa));
        Assert.Equal(Minted, Ledger.Accounted(later, archive));

        // The balances alone hold all the value, so counting alice's record too would count the payment twice; and the
        // cards alone no longer show that bob was credited: without the archive the ledger refuses to guess.
        Assert.Equal(Minted, later.Sum(p => (long)p.Balance));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Ledger.Accounted(later));
    }
}
