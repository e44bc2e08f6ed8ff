using SmartCardCash.Settlement.Audit;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests;

/// <summary>Every flow of the bank posted as docs/bank.md says, and the audit: the invariants it proves on honest
/// books, and what it finds in tampered ones.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class AuditTests(BankStorageFixture storage)
{
    private const string BankPurseId = TestBank.BankPurseId;
    private static readonly Currency Eur = TestBank.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void Every_flow_keeps_the_books_balanced_and_the_audit_proves_minted_equals_bank_purses_plus_outstanding(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        RunEveryFlow(bank);

        AuditReport report = bank.Ledger.Audit();

        Assert.Empty(report.Findings);
        Assert.True(report.Balanced);
        CurrencyTotals eur = Assert.Single(report.Currencies);
        Assert.Equal(
            new CurrencyTotals(Eur, MintedGross: 100_000, WrittenOff: 700, BankPurses: 98_000, Outstanding: 1_300, Float: 1_300,
                Suspense: 0, FeeIncome: 55, Cash: 23_000, Customers: 18_700, Merchants: 2_945, Reserved: 0, OpenPendingTransfers: 0),
            eur);
        Assert.Equal(eur.Minted, eur.BankPurses + eur.Outstanding);
        Assert.Equal(eur.Cash, eur.Float + eur.Suspense + eur.Customers + eur.Merchants + eur.FeeIncome);
        Assert.Equal(15_700, bank.Balance(new("customer.alice")).CreditBalance);
        Assert.Equal(3_000, bank.Balance(new("customer.bob")).CreditBalance);
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_open_load_shows_as_reserved_until_it_is_posted(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 2_000);
        bank.BankPurse(BankPurseId, minted: 10_000);
        bank.Ledger.Submit(BankPostings.AuthoriseLoad(new("load.1"), Eur, alice, 1_500));

        CurrencyTotals open = Assert.Single(bank.Ledger.Audit().Currencies);
        bank.Ledger.Submit(BankPostings.CompleteLoad(new("load.1"), Eur, BankPurseId, 1_500));
        AuditReport done = bank.Ledger.Audit();

        Assert.Equal((1_500L, 1, 0L), (open.Reserved, open.OpenPendingTransfers, open.Outstanding));
        Assert.True(done.Balanced);
        Assert.Equal((0L, 0, 1_500L, 1_500L, 8_500L), (done.Currencies[0].Reserved, done.Currencies[0].OpenPendingTransfers,
            done.Currencies[0].Outstanding, done.Currencies[0].Float, done.Currencies[0].BankPurses));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_refund_needs_the_value_set_aside_in_suspense_first(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 2_000);
        bank.BankPurse(BankPurseId, minted: 10_000);
        bank.Load("load.1", alice, 1_000);

        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() =>
            bank.Ledger.Submit(BankPostings.RefundLostValue(new("lost.1"), Eur, alice, 400)));

        Assert.Equal(LedgerRefusal.ExceedsCredits, refused.Reason);
        Assert.StartsWith("account EUR.suspense has EUR 0.00 available", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1_000, bank.Balance(alice).CreditBalance);
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_audit_catches_a_tampered_balance_row(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        RunEveryFlow(bank);

        bank.Tamper("UPDATE accounts SET credits_posted = credits_posted + 1 WHERE id = 'customer.alice'");
        AuditReport report = bank.Ledger.Audit();

        Assert.False(report.Balanced);
        AuditFinding balance = Assert.Single(report.Findings, f => f.Check == AuditCheck.BalanceMatchesTransfers);
        Assert.Equal("customer.alice", balance.Subject);
        Assert.Equal("account customer.alice stores debits 5000 posted + 0 pending, credits 20701 posted + 0 pending, " +
            "but its transfers sum to debits 5000 posted + 0 pending, credits 20700 posted + 0 pending.", balance.Sentence);
        Assert.Contains(report.Findings, f => f.Check == AuditCheck.BooksBalance && f.Subject == "EUR");
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_audit_catches_a_tampered_transfer(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        RunEveryFlow(bank);

        bank.Tamper("UPDATE transfers SET amount = amount + 5 WHERE id = 'deposit.1/fee'");
        bank.Tamper("UPDATE transfers SET credit_account_id = 'customer.bob' WHERE id = 'mint.1'");
        AuditReport report = bank.Ledger.Audit();

        Assert.Equal(["EUR.fee-income", "EUR.float", "EUR.minted", "customer.bob"],
            report.Findings.Where(f => f.Check == AuditCheck.BalanceMatchesTransfers).Select(f => f.Subject).Order(StringComparer.Ordinal));
        Assert.Contains(report.Findings, f => f.Check == AuditCheck.TransferConsistent && f.Subject == "mint.1");
        Assert.Contains(report.Findings, f => f.Check == AuditCheck.EValueAccountedFor);
        Assert.Contains(report.Findings, f => f.Check == AuditCheck.EValueBacked);
    }

    [Fact]
    public void A_deposit_whose_fee_takes_it_all_credits_the_merchant_nothing()
    {
        var shop = new Account(new("merchant.shop"), Eur, AccountKind.Merchant, AccountFlags.DebitsMustNotExceedCredits,
            new FeeRate(0, 50), AccountBalance.Zero, DateTimeOffset.UnixEpoch);

        IReadOnlyList<TransferRequest> chain = BankPostings.Deposit(new("deposit.1"), shop, BankPurseId, 40);

        Assert.Equal([TransferCode.DepositValue, TransferCode.DepositFee], chain.Select(t => t.Code!.Value));
        Assert.Equal(40, chain[1].Amount);
    }

    /// <summary>Mint, cash-in, a load, a cancelled load, a deposit with a fee, value lost and refunded, value in flight
    /// that arrived: every flow of docs/bank.md's table, through <see cref="BankPostings"/>.</summary>
    private static void RunEveryFlow(TestBank bank)
    {
        AccountId alice = bank.Customer("alice", cash: 20_000), bob = bank.Customer("bob", cash: 1_000);
        bank.BankPurse(BankPurseId);
        bank.Ledger.Submit(BankPostings.Mint(new("mint.1"), Eur, BankPurseId, 100_000));
        bank.Ledger.Submit(BankPostings.CashIn(new("cash-in.bob.2"), Eur, bob, 2_000));
        AccountId shopId = new("merchant.shop");
        Account shop = bank.Ledger.Open(new NewAccount(shopId, Eur, AccountKind.Merchant, new FeeRate(150, 10))).Account;

        bank.Ledger.Submit(BankPostings.AuthoriseLoad(new("load.1"), Eur, alice, 5_000, "purse 5343430A00000002"));
        bank.Ledger.Submit(BankPostings.CompleteLoad(new("load.1"), Eur, BankPurseId, 5_000));
        bank.Ledger.Submit(BankPostings.AuthoriseLoad(new("load.2"), Eur, bob, 500));
        bank.Ledger.Submit(BankPostings.CancelLoad(new("load.2")));
        bank.Ledger.Submit(BankPostings.Deposit(new("deposit.1"), shop, BankPurseId, 3_000));
        bank.Ledger.Submit(BankPostings.ValueInFlight(new("in-flight.1"), Eur, 700, "payer 5343430A00000002 seq 4"));
        bank.Ledger.Submit(BankPostings.RefundLostValue(new("lost.1"), Eur, alice, 700));
        bank.Ledger.Submit(BankPostings.ValueInFlight(new("in-flight.2"), Eur, 300));
        bank.Ledger.Submit(BankPostings.ValueArrived(new("arrived.2"), Eur, 300));
        Assert.Equal(2_945, bank.Balance(shopId).CreditBalance);
    }
}
