using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Audit;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>Definitely lost value (the payer's 01 and the payee's 02 for one PD) is refunded exactly once, whatever
/// order the two sides arrive in, however often, and when they arrive at once.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class ArchiveRefundTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void The_payees_02_first_waits_then_the_payers_01_refunds_once_and_repeats_change_nothing(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PaymentDetails pd = ClearingWorld.LoseInFlight(alice, bob, 1_250);
        ExceptionUpload fromAlice = ClearingWorld.UploadOf(alice), fromBob = ClearingWorld.UploadOf(bob);

        ArchivedRecord waiting = Assert.Single(world.Archive.Upload(fromBob).Records);
        Assert.Equal((ExceptionClassification.AwaitingPayerRecord, false), (waiting.Classification, waiting.AlreadyArchived));
        Assert.Null(world.Archive.Find(pd));
        Assert.Equal(0, world.AssertBalanced().Suspense);
        Assert.True(Assert.Single(world.Archive.Upload(fromBob).Records).AlreadyArchived);

        ArchivedRecord refunded = Assert.Single(world.Archive.Upload(fromAlice).Records);
        Assert.Equal(ExceptionClassification.Refunded, refunded.Classification);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(ExceptionClassification.Refunded, Assert.Single(world.Archive.Upload(fromAlice).Records).Classification);
            Assert.Equal(ExceptionClassification.Refunded, Assert.Single(world.Archive.Upload(fromBob).Records).Classification);
        }

        Assert.Equal(1_250, world.AccountBalance("alice"));
        LostPayment lost = world.Archive.Find(pd)!;
        Assert.Equal((LostPaymentState.Refunded, new AccountId("customer.alice")), (lost.State, lost.RefundAccount));
        Assert.NotNull(lost.ClosedAt);
        Assert.Empty(world.Archive.OpenPayments());
        CurrencyTotals totals = world.AssertBalanced();
        Assert.Equal((0L, 1_250L, ClearingWorld.Minted - 10_000L, 10_000L - 1_250L),
            (totals.Suspense, totals.WrittenOff, totals.BankPurses, totals.Outstanding));
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_payers_01_first_is_maybe_lost_then_the_payees_02_refunds_it_once(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PaymentDetails pd = ClearingWorld.LoseInFlight(alice, bob, 700);
        ExceptionUpload fromAlice = ClearingWorld.UploadOf(alice), fromBob = ClearingWorld.UploadOf(bob);

        Assert.Equal(ExceptionClassification.MaybeLost, Assert.Single(world.Archive.Upload(fromAlice).Records).Classification);
        Assert.Equal(0, world.AssertBalanced().Suspense);
        Assert.Equal(0, world.AccountBalance("alice"));
        Assert.Equal(ExceptionClassification.Refunded, Assert.Single(world.Archive.Upload(fromBob).Records).Classification);
        Assert.Equal(ExceptionClassification.Refunded, Assert.Single(world.Archive.Upload(fromBob).Records).Classification);

        Assert.Equal(700, world.AccountBalance("alice"));
        Assert.Equal(LostPaymentState.Refunded, world.Archive.Find(pd)!.State);
        Assert.Equal(0, world.AssertBalanced().Suspense);
        Assert.Equal(2, world.Bank.Ledger.TransfersOf(Postings.BankChart.Suspense(Currency.Eur)).Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Both_sides_uploaded_at_once_again_and_again_refund_exactly_once(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PaymentDetails pd = ClearingWorld.LoseInFlight(alice, bob, 333);
        ExceptionUpload fromAlice = ClearingWorld.UploadOf(alice), fromBob = ClearingWorld.UploadOf(bob);

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => world.Archive.Upload(i % 2 == 0 ? fromAlice : fromBob));

        Assert.Equal(333, world.AccountBalance("alice"));
        Assert.Equal(LostPaymentState.Refunded, world.Archive.Find(pd)!.State);
        Assert.Single(world.Bank.Ledger.TransfersOf(new AccountId("customer.alice")), t => t.Code == TransferCode.Refund);
        Assert.Equal((0L, 333L), (world.AssertBalanced().Suspense, world.AssertBalanced().WrittenOff));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_purse_with_no_account_is_owed_open_and_visible_until_an_operator_names_one_then_refunded_once(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000, linked: false), bob = world.Customer("bob", 0);
        PaymentDetails pd = ClearingWorld.LoseInFlight(alice, bob, 400);

        world.Archive.Upload(ClearingWorld.UploadOf(bob));
        Assert.Equal(ExceptionClassification.Owed, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records).Classification);
        LostPayment owed = Assert.Single(world.Archive.OpenPayments());
        Assert.Equal((pd, LostPaymentState.Owed, (AccountId?)null), (owed.Details, owed.State, owed.RefundAccount));
        Assert.Equal(400, world.AssertBalanced().Suspense);

        Assert.Equal(pd, Assert.Single(world.Archive.RefundOwed(alice.Id, new AccountId("customer.alice"))).Details);
        Assert.Empty(world.Archive.RefundOwed(alice.Id, new AccountId("customer.alice")));
        Assert.Equal(new AccountId("customer.alice"), world.PurseAccounts.Find(alice.Id));
        Assert.Equal(400, world.AccountBalance("alice"));
        Assert.Empty(world.Archive.OpenPayments());
        Assert.Equal(0, world.AssertBalanced().Suspense);
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_owed_payment_is_refunded_by_a_later_upload_once_linked_but_a_hotlisted_payers_stays_held_for_the_operator(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000, linked: false), carol = world.Customer("carol", 10_000, linked: false);
        TestPurse bob = world.Customer("bob", 0);
        PaymentDetails fromAlice = ClearingWorld.LoseInFlight(alice, bob, 100), fromCarol = ClearingWorld.LoseInFlight(carol, bob, 200);
        world.Archive.Upload(ClearingWorld.UploadOf(bob));
        Assert.Equal(ExceptionClassification.Owed, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records).Classification);
        Assert.Equal(ExceptionClassification.Owed, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(carol)).Records).Classification);

        world.Hotlist.Report(carol.Id, "reported stolen");
        world.PurseAccounts.Link(alice.Id, new AccountId("customer.alice"));
        world.PurseAccounts.Link(carol.Id, new AccountId("customer.carol"));
        Assert.Equal([ExceptionClassification.Refunded, ExceptionClassification.Owed],
            world.Archive.Upload(ClearingWorld.UploadOf(bob)).Records.Select(r => r.Classification));
        Assert.Equal(ExceptionClassification.Refunded, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records).Classification);

        Assert.Equal((100L, 0L), (world.AccountBalance("alice"), world.AccountBalance("carol")));
        Assert.Equal(fromCarol, Assert.Single(world.Archive.OpenPayments()).Details);
        Assert.Equal(LostPaymentState.Refunded, world.Archive.Find(fromAlice)!.State);
        Assert.Equal(fromCarol, Assert.Single(world.Archive.RefundOwed(carol.Id, new AccountId("customer.carol"))).Details);
        Assert.Equal(200L, world.AccountBalance("carol"));
        Assert.Equal(0, world.AssertBalanced().Suspense);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_link_needs_an_existing_customer_or_merchant_account_and_the_latest_load_wins(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 0, linked: false);
        AccountId first = world.Bank.Customer("first"), second = world.Bank.Customer("second");

        Assert.Equal(LedgerRefusal.UnknownAccount,
            Assert.Throws<LedgerRefusedException>(() => world.PurseAccounts.Link(alice.Id, new AccountId("customer.nobody"))).Reason);
        Assert.Throws<LedgerRefusedException>(() => world.PurseAccounts.Link(alice.Id, Postings.BankChart.Suspense(Currency.Eur)));
        Assert.Null(world.PurseAccounts.Link(alice.Id, first).Previous);
        Assert.Null(world.PurseAccounts.Link(alice.Id, first).Previous);
        Assert.Equal(first, world.PurseAccounts.Link(alice.Id, second).Previous);
        Assert.Equal(second, world.PurseAccounts.Find(alice.Id));
    }
}
