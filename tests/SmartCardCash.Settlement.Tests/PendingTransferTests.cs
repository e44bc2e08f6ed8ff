namespace SmartCardCash.Settlement.Tests;

/// <summary>Two-phase transfers: a pending transfer reserves, and is posted (all or part) or voided exactly once.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class PendingTransferTests(BankStorageFixture storage)
{
    private static readonly Currency Eur = TestBank.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void A_pending_transfer_reserves_its_amount_against_the_accounts_flag(StorageProvider provider)
    {
        using TestBank bank = WithPendingP1(provider, out AccountId alice, out AccountId bob);

        LedgerRefusedException second = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Pending(new("p2"), alice, bob, 201, Eur, TransferCode.Load)));
        LedgerRefusedException spend = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, bob, 201, Eur, TransferCode.Refund)));
        bank.Ledger.Submit(TransferRequest.Single(new("t2"), alice, bob, 200, Eur, TransferCode.Refund));

        Assert.Equal((LedgerRefusal.ExceedsCredits, LedgerRefusal.ExceedsCredits), (second.Reason, spend.Reason));
        Assert.Equal(new AccountBalance(800, 200, 0, 1_000), bank.Balance(alice));
        Assert.Equal(new AccountBalance(0, 0, 800, 200), bank.Balance(bob));
        Assert.Equal(0, bank.Balance(alice).AvailableCredit);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_pending_transfer_is_posted_exactly_once(StorageProvider provider)
    {
        using TestBank bank = WithPendingP1(provider, out AccountId alice, out AccountId bob);

        SubmitResult posted = bank.Ledger.Submit(TransferRequest.Post(new("p1/post"), new("p1"), 800));
        SubmitResult retried = bank.Ledger.Submit(TransferRequest.Post(new("p1/post"), new("p1"), 800));
        LedgerRefusedException again = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Post(new("p1/post-again"), new("p1"), 800)));
        LedgerRefusedException voided = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Void(new("p1/void"), new("p1"))));

        Transfer post = Assert.Single(posted.Transfers);
        Assert.Equal((TransferPhase.Post, alice, bob, 800L, TransferCode.Load), (post.Phase, post.DebitAccount, post.CreditAccount, post.Amount, post.Code));
        Assert.True(retried.AlreadyRecorded);
        Assert.Equal(LedgerRefusal.PendingAlreadyResolved, again.Reason);
        Assert.Equal("pending transfer p1 was already posted by p1/post; it resolves once.", again.Message);
        Assert.Equal(LedgerRefusal.PendingAlreadyResolved, voided.Reason);
        Assert.Equal(post, bank.Ledger.FindResolution(new("p1")));
        Assert.Equal(new AccountBalance(0, 800, 0, 1_000), bank.Balance(alice));
        Assert.Equal(new AccountBalance(0, 0, 0, 800), bank.Balance(bob));
        Assert.True(bank.Ledger.Audit().Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_pending_transfer_is_voided_exactly_once_and_then_cannot_be_posted(StorageProvider provider)
    {
        using TestBank bank = WithPendingP1(provider, out AccountId alice, out AccountId bob);

        Transfer voided = Assert.Single(bank.Ledger.Submit(TransferRequest.Void(new("p1/void"), new("p1"))).Transfers);
        Assert.True(bank.Ledger.Submit(TransferRequest.Void(new("p1/void"), new("p1"))).AlreadyRecorded);
        LedgerRefusedException post = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Post(new("p1/post"), new("p1"), 800)));

        Assert.Equal((TransferPhase.Void, 800L), (voided.Phase, voided.Amount));
        Assert.Equal("pending transfer p1 was already voided by p1/void; it resolves once.", post.Message);
        Assert.Equal(new AccountBalance(0, 0, 0, 1_000), bank.Balance(alice));
        Assert.Equal(AccountBalance.Zero, bank.Balance(bob));
        Assert.True(bank.Ledger.Audit().Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_partial_post_releases_the_rest_and_a_post_above_the_reservation_is_refused(StorageProvider provider)
    {
        using TestBank bank = WithPendingP1(provider, out AccountId alice, out AccountId bob);

        LedgerRefusedException above = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Post(new("p1/post"), new("p1"), 801)));
        bank.Ledger.Submit(TransferRequest.Post(new("p1/post"), new("p1"), 300));

        Assert.Equal(LedgerRefusal.ExceedsPendingAmount, above.Reason);
        Assert.Equal("transfer p1/post posts EUR 8.01, more than the EUR 8.00 pending transfer p1 reserved.", above.Message);
        Assert.Equal(new AccountBalance(0, 300, 0, 1_000), bank.Balance(alice));
        Assert.Equal(new AccountBalance(0, 0, 0, 300), bank.Balance(bob));
        Assert.True(bank.Ledger.Audit().Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Only_a_pending_transfer_can_be_posted_or_voided_and_only_once_per_chain(StorageProvider provider)
    {
        using TestBank bank = WithPendingP1(provider, out AccountId alice, out AccountId bob);

        LedgerRefusedException single = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Post(new("x/post"), new("cash-in.alice"), 10)));
        LedgerRefusedException unknown = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Void(new("y/void"), new("no-such-transfer"))));
        LedgerRefusedException twice = Assert.Throws<LedgerRefusedException>(() => bank.Ledger.Submit(
            TransferRequest.Post(new("p1/post"), new("p1"), 100), TransferRequest.Void(new("p1/void"), new("p1"))));

        Assert.Equal("transfer x/post resolves cash-in.alice, which is a single transfer, not a pending one.", single.Message);
        Assert.Equal(LedgerRefusal.NotPending, unknown.Reason);
        Assert.Equal(LedgerRefusal.PendingAlreadyResolved, twice.Reason);
        Assert.Null(bank.Ledger.FindResolution(new("p1")));
        Assert.Equal(new AccountBalance(800, 0, 0, 1_000), bank.Balance(alice));
    }

    /// <summary>A bank where alice has 1000 and pending transfer p1 reserves 800 of it for bob.</summary>
    private TestBank WithPendingP1(StorageProvider provider, out AccountId alice, out AccountId bob)
    {
        TestBank bank = storage.Create(provider);
        alice = bank.Customer("alice", cash: 1_000);
        bob = bank.Customer("bob");
        bank.Ledger.Submit(TransferRequest.Pending(new("p1"), alice, bob, 800, Eur, TransferCode.Load, "load 1"));
        return bank;
    }
}
