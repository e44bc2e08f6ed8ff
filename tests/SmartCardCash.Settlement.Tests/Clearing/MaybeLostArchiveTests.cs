using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Audit;
using SmartCardCash.Settlement.Clearing;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>A payer's 01 alone is maybe lost: archived, no funds moved, shown open in the audit, never refunded (spec 4.4(6)); a cleared
/// val for its PD closes it as arrived.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class MaybeLostArchiveTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void A_payers_01_alone_is_open_and_never_refunded(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PaymentDetails pd = ClearingWorld.LoseInFlight(alice, bob, 900);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(ExceptionClassification.MaybeLost, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records).Classification);
        }

        LostPayment open = Assert.Single(world.Archive.OpenPayments());
        Assert.Equal((pd, LostPaymentState.MaybeLost, true, (DateTimeOffset?)null), (open.Details, open.State, open.IsOpen, open.ClosedAt));
        Assert.True(open.OpenedAt > DateTimeOffset.UnixEpoch);
        Assert.Equal(0, world.AccountBalance("alice"));
        Assert.Equal((0L, 0L, 10_000L), (world.AssertBalanced().Suspense, world.AssertBalanced().WrittenOff, world.AssertBalanced().Float));
        Assert.Empty(world.Bank.Ledger.TransfersOf(Postings.BankChart.Suspense(Currency.Eur)));
        Assert.Equal(new OpenLostValue(Currency.Eur, 1, 900, 0, 0), Assert.Single(world.Bank.Ledger.Audit().OpenLostValue));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Abort_then_resume_between_two_own_cards_again_and_again_moves_no_funds_and_the_audit_shows_every_01(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 1_000), bob = world.Customer("bob", 0);
        for (int i = 0; i < 12; i++)
        {
            // Each round: the payer abandons after its debit (01), RESUME delivers the val anyway, the value comes back.
            (_, ProtectedMessage req) = TestWorld.Start(alice, bob, Money.Of(Currency.Eur, 900));
            alice.Purse.Req(req);
            world.Coordinator.Abandon(alice.Purse);
            Assert.Equal(PaymentOutcomeKind.Completed, world.Coordinator.Recover(alice.Purse, bob.Purse).Kind);
            Assert.Equal(PaymentOutcomeKind.Completed, world.Pay(bob, alice, 900).Kind);
        }

        Assert.All(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records, r => Assert.Equal(ExceptionClassification.MaybeLost, r.Classification));
        Assert.Equal(12, world.Archive.OpenPayments().Count);
        Assert.Equal((1_000L, 0L), (world.AssertBalanced().Float, world.AssertBalanced().Suspense));
        Assert.Equal(new OpenLostValue(Currency.Eur, 12, 10_800, 0, 0), Assert.Single(world.Bank.Ledger.Audit().OpenLostValue));
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_payer_abandoned_in_epa_recovery_delivered_the_val_to_the_payee_in_epv_so_clearing_closes_the_01_as_arrived(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(alice, bob, Money.Of(Currency.Eur, 1_250));
        alice.Purse.Req(req);
        Assert.Equal(PaymentOutcomeKind.ValueLogged, world.Coordinator.Abandon(alice.Purse).Kind);

        // The payer's 01 arrives first: maybe lost, archived, nothing posted, not refunded.
        Assert.Equal(ExceptionClassification.MaybeLost, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records).Classification);
        Assert.Equal(0, world.AssertBalanced().Suspense);

        // Recovery delivers the kept val to bob, still in epv; the terminal journals it and the bank clears it.
        PaymentOutcome recovered = world.Coordinator.Recover(alice.Purse, bob.Purse);
        Assert.Equal(PaymentOutcomeKind.Completed, recovered.Kind);
        Assert.Equal(1_250u, ClearingWorld.Balance(bob));
        ClearingRecordResult cleared = Assert.Single(world.Clearing.Clear([new JournalEntry(DateTimeOffset.UnixEpoch, "recover", recovered.SignedPayment!)]).Records);
        Assert.Equal(ClearingStatus.Cleared, cleared.Status);
        Assert.Contains("it is closed: the value arrived", cleared.Message);

        LostPayment arrived = world.Archive.Find(pd)!;
        Assert.Equal((LostPaymentState.Arrived, (AccountId?)null), (arrived.State, arrived.RefundAccount));
        Assert.NotNull(arrived.ClosedAt);
        Assert.Empty(world.Archive.OpenPayments());
        Assert.Equal(ExceptionClassification.Arrived, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records).Classification);
        Assert.Equal(0, world.AccountBalance("alice"));
        Assert.Equal((0L, 0L), (world.AssertBalanced().Suspense, world.AssertBalanced().WrittenOff));
        Assert.Empty(world.Bank.Ledger.Audit().OpenLostValue);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_val_cleared_before_the_01_arrives_makes_it_arrived_with_nothing_set_aside(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(alice, bob, Money.Of(Currency.Eur, 600));
        alice.Purse.Req(req);
        world.Coordinator.Abandon(alice.Purse);
        PaymentOutcome recovered = world.Coordinator.Recover(alice.Purse, bob.Purse);
        Assert.Equal(ClearingStatus.Cleared,
            Assert.Single(world.Clearing.Clear([new JournalEntry(DateTimeOffset.UnixEpoch, "recover", recovered.SignedPayment!)]).Records).Status);

        Assert.Equal(ExceptionClassification.Arrived, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records).Classification);
        Assert.Equal(LostPaymentState.Arrived, world.Archive.Find(pd)!.State);
        Assert.Empty(world.Archive.OpenPayments());
        Assert.Equal(0, world.AssertBalanced().Suspense);
        Assert.DoesNotContain(world.Bank.Ledger.TransfersOf(Postings.BankChart.Suspense(Currency.Eur)), _ => true);
    }
}
