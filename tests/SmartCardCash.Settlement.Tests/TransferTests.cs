using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests;

/// <summary>Single transfers and linked chains: balances, idempotent retries, conflicting IDs, all-or-nothing chains,
/// and the rules the ledger enforces whoever submits (flags, currencies, books, accounts that exist).</summary>
[Collection(BankStorageCollection.Name)]
public sealed class TransferTests(BankStorageFixture storage)
{
    private static readonly Currency Eur = TestBank.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void A_transfer_debits_one_account_and_credits_the_other(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 10_000), bob = bank.Customer("bob");

        SubmitResult result = bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, bob, 2_500, Eur, TransferCode.Refund, "a test"));

        Assert.False(result.AlreadyRecorded);
        Transfer transfer = Assert.Single(result.Transfers);
        Assert.Equal((alice, bob, 2_500L, Eur, TransferCode.Refund, "a test"),
            (transfer.DebitAccount, transfer.CreditAccount, transfer.Amount, transfer.Currency, transfer.Code, transfer.Reference));
        Assert.Equal(transfer, bank.Ledger.FindTransfer(new("t1")));
        Assert.Equal(new AccountBalance(0, 2_500, 0, 10_000), bank.Balance(alice));
        Assert.Equal(new AccountBalance(0, 0, 0, 2_500), bank.Balance(bob));
        Assert.Equal(["cash-in.alice", "t1"], bank.Ledger.TransfersOf(alice).Select(t => t.Id.Value));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_retry_with_the_same_ID_and_content_returns_the_recorded_chain_and_changes_nothing(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 10_000), bob = bank.Customer("bob");
        TransferRequest[] chain =
        [
            TransferRequest.Single(new("c/1"), alice, bob, 300, Eur, TransferCode.Refund),
            TransferRequest.Single(new("c/2"), bob, alice, 100, Eur, TransferCode.Refund),
        ];

        SubmitResult first = bank.Ledger.Submit(chain);
        SubmitResult retry = bank.Ledger.Submit(chain);

        Assert.False(first.AlreadyRecorded);
        Assert.True(retry.AlreadyRecorded);
        Assert.Equal(first.Transfers, retry.Transfers);
        Assert.Equal(new AccountBalance(0, 300, 0, 10_100), bank.Balance(alice));
        Assert.Equal(new AccountBalance(0, 100, 0, 300), bank.Balance(bob));
        Assert.True(bank.Ledger.Audit().Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_same_ID_with_other_content_is_refused_and_nothing_changes(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 10_000), bob = bank.Customer("bob"), carol = bank.Customer("carol");
        bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, bob, 2_500, Eur, TransferCode.Refund));

        LedgerRefusedException amount = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, bob, 2_600, Eur, TransferCode.Refund)));
        LedgerRefusedException account = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, carol, 2_500, Eur, TransferCode.Refund)));
        LedgerRefusedException reference = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, bob, 2_500, Eur, TransferCode.Refund, "other")));

        Assert.All([amount, account, reference], e => Assert.Equal(LedgerRefusal.TransferConflict, e.Reason));
        Assert.Equal("transfer t1 already exists and its amount is EUR 25.00, not EUR 26.00: a transfer ID is used for one transfer only.", amount.Message);
        Assert.Contains("it credits customer.bob, not customer.carol", account.Message, StringComparison.Ordinal);
        Assert.Equal(new AccountBalance(0, 0, 0, 2_500), bank.Balance(bob));
        Assert.Equal(AccountBalance.Zero, bank.Balance(carol));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_linked_chain_is_recorded_whole_or_not_at_all(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 1_000), bob = bank.Customer("bob"), carol = bank.Customer("carol");

        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() => bank.Ledger.Submit(
            TransferRequest.Single(new("c/1"), alice, bob, 600, Eur, TransferCode.Refund),
            TransferRequest.Single(new("c/2"), bob, carol, 700, Eur, TransferCode.Refund)));

        Assert.Equal(LedgerRefusal.ExceedsCredits, refused.Reason);
        Assert.Null(bank.Ledger.FindTransfer(new("c/1")));
        Assert.Equal(AccountBalance.Zero, bank.Balance(bob));
        Assert.Equal(new AccountBalance(0, 0, 0, 1_000), bank.Balance(alice));

        SubmitResult recorded = bank.Ledger.Submit(
            TransferRequest.Single(new("c/1"), alice, bob, 600, Eur, TransferCode.Refund),
            TransferRequest.Single(new("c/2"), bob, carol, 600, Eur, TransferCode.Refund));
        Assert.Equal([("c/1", 0), ("c/1", 1)], recorded.Transfers.Select(t => (t.ChainId.Value, t.ChainIndex)));
        Assert.Equal(new AccountBalance(0, 600, 0, 600), bank.Balance(bob));
        Assert.Equal(600, bank.Balance(carol).CreditBalance);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_chain_of_which_only_part_is_recorded_is_refused(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 1_000), bob = bank.Customer("bob");
        TransferRequest first = TransferRequest.Single(new("c/1"), alice, bob, 100, Eur, TransferCode.Refund);
        bank.Ledger.Submit(first);

        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(first, TransferRequest.Single(new("c/2"), alice, bob, 100, Eur, TransferCode.Refund)));

        Assert.Equal(LedgerRefusal.PartlyRecordedChain, refused.Reason);
        Assert.Null(bank.Ledger.FindTransfer(new("c/2")));
        Assert.Equal(LedgerRefusal.InvalidChain, Assert.Throws<LedgerRefusedException>(() => bank.Ledger.Submit(first, first)).Reason);
        Assert.Equal(LedgerRefusal.InvalidChain, Assert.Throws<LedgerRefusedException>(() => bank.Ledger.Submit([])).Reason);
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_overdraft_is_refused_by_the_accounts_flag(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 1_000), bob = bank.Customer("bob");

        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, bob, 1_001, Eur, TransferCode.Refund)));
        bank.Ledger.Submit(TransferRequest.Single(new("t2"), alice, bob, 1_000, Eur, TransferCode.Refund));
        LedgerRefusedException empty = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t3"), alice, bob, 1, Eur, TransferCode.Refund)));

        Assert.Equal(LedgerRefusal.ExceedsCredits, refused.Reason);
        Assert.Equal("account customer.alice has EUR 10.00 available (EUR 10.00 credited, EUR 0.00 debited, EUR 0.00 reserved); " +
            "transfer t1 needs EUR 10.01.",
            refused.Message);
        Assert.Equal(LedgerRefusal.ExceedsCredits, empty.Reason);
        Assert.Equal(0, bank.Balance(alice).CreditBalance);
        Assert.Null(bank.Ledger.FindTransfer(new("t1")));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_debit_side_account_cannot_be_credited_below_zero(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId purse = bank.BankPurse("5343430A00000001", minted: 500);

        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() => bank.Ledger.Submit(
            TransferRequest.Single(new("v1"), BankChart.Outstanding(Eur), purse, 501, Eur, TransferCode.LoadValue)));

        Assert.Equal(LedgerRefusal.ExceedsDebits, refused.Reason);
        Assert.Equal(500, bank.Balance(purse).DebitBalance);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Transfers_across_currencies_or_books_or_to_unknown_accounts_are_refused(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 1_000), bob = bank.Customer("bob");
        AccountId purse = bank.BankPurse("5343430A00000001", minted: 500);

        LedgerRefusedException currency = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t1"), alice, bob, 10, Currency.Gbp, TransferCode.Refund)));
        LedgerRefusedException books = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t2"), alice, purse, 10, Eur, TransferCode.Refund)));
        LedgerRefusedException unknown = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(TransferRequest.Single(new("t3"), alice, new AccountId("customer.nobody"), 10, Eur, TransferCode.Refund)));

        Assert.Equal("transfer t1 is in GBP, but account customer.alice is in EUR.", currency.Message);
        Assert.Equal(LedgerRefusal.BooksMixed, books.Reason);
        Assert.Equal("transfer t3 names account customer.nobody, which does not exist.", unknown.Message);
        Assert.Equal(LedgerRefusal.UnknownAccount, unknown.Reason);
        Assert.Equal(1_000, bank.Balance(alice).CreditBalance);
        Assert.Throws<ArgumentException>(() => TransferRequest.Single(new("t4"), alice, alice, 10, Eur, TransferCode.Refund));
        Assert.Throws<ArgumentOutOfRangeException>(() => TransferRequest.Single(new("t5"), alice, bob, 0, Eur, TransferCode.Refund));
        Assert.Throws<ArgumentOutOfRangeException>(() => TransferRequest.Single(new("t6"), alice, bob, -5, Eur, TransferCode.Refund));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_total_past_the_largest_amount_is_refused(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: long.MaxValue);

        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(BankPostings.CashIn(new("more"), Eur, alice, 1)));

        Assert.Equal(LedgerRefusal.Overflow, refused.Reason);
        Assert.Equal(long.MaxValue, bank.Balance(alice).CreditBalance);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Opening_an_account_again_is_a_retry_and_other_content_under_its_ID_is_refused(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var shop = new NewAccount(new("merchant.shop"), Eur, AccountKind.Merchant, new FeeRate(150, 10));

        AccountOpening opened = bank.Ledger.Open(shop);
        AccountOpening again = bank.Ledger.Open(shop);
        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Open(new NewAccount(shop.Id, Eur, AccountKind.Merchant, new FeeRate(200, 10))));

        Assert.False(opened.AlreadyOpen);
        Assert.True(again.AlreadyOpen);
        Assert.Equal(opened.Account, again.Account);
        Assert.Equal((new FeeRate(150, 10), AccountFlags.DebitsMustNotExceedCredits), (opened.Account.FeeRate, opened.Account.Flags));
        Assert.Equal(LedgerRefusal.AccountConflict, refused.Reason);
        Assert.Equal("account merchant.shop already exists as a merchant account in EUR with flags DebitsMustNotExceedCredits and " +
            "fee 150 bp + EUR 0.10: an account ID names one account only.", refused.Message);
        Assert.Contains(bank.Ledger.Accounts(Eur), a => a.Id == shop.Id);
        Assert.Empty(bank.Ledger.Accounts(Currency.Gbp));
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_database_itself_refuses_an_overdraft_written_behind_the_ledgers_back(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        bank.Customer("alice", cash: 1_000);

        BankStorageException refused = Assert.Throws<BankStorageException>(() =>
            bank.Tamper("UPDATE accounts SET debits_posted = 1001 WHERE id = 'customer.alice'"));

        Assert.Contains("refused the write", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, bank.Balance(new("customer.alice")).DebitsPosted);
    }
}
