using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Issuing;
using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Audit;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>
/// A bank on a fresh database and real emulated purses of one issuer: a bank purse minted in the ledger as on the
/// card, customers loaded from their accounts (the card paid by the bank purse, the load posted and the purse linked
/// to the account), merchants, every certificate registered as the issuer issued it, and the bank's clearing, archive and hotlist. <see cref="AssertBalanced"/> runs the audit.
/// </summary>
internal sealed class ClearingWorld : IDisposable
{
    public const uint Minted = 1_000_000;

    private readonly TestWorld _purses = new();
    private int _loads;

    public ClearingWorld(TestBank bank)
    {
        Bank = bank;
        Registry = new CertificateRegistry(bank.Database, Issuer.Certificate);
        Clearing = new ValClearing(Registry);
        Archive = new ExceptionArchive(Registry, Issuer);
        Hotlist = new BankHotlist(bank.Database);
        PurseAccounts = new PurseAccounts(bank.Database);
        BankPurse = _purses.FundedBank("bank", Minted);
        bank.BankPurse(BankPurse.Id.ToString(), Minted);
    }

    public TestBank Bank { get; }

    public Issuer Issuer => _purses.Issuer;

    public TestPurse BankPurse { get; }

    public CertificateRegistry Registry { get; }

    public ValClearing Clearing { get; }

    public ExceptionArchive Archive { get; }

    public BankHotlist Hotlist { get; }

    public PurseAccounts PurseAccounts { get; }

    public PaymentCoordinator Coordinator { get; } = new();

    public PaymentPolicy Policy(Purse.Payments.Hotlist? hotlist = null) => new(Issuer.Certificate, hotlist, _purses.Time);

    /// <summary>A customer purse loaded with <paramref name="cents"/> from its account (cash paid in first), linked to it
    /// unless <paramref name="linked"/> is false.</summary>
    public TestPurse Customer(string name, uint cents, bool linked = true)
    {
        TestPurse purse = Issued(name, PurseClass.Customer);
        AccountId account = Bank.Customer(name, cash: cents);
        if (cents > 0)
        {
            string key = $"load.{++_loads}";
            Bank.Ledger.Submit(BankPostings.AuthoriseLoad(new(key), Currency.Eur, account, cents));
            Assert.Equal(PaymentOutcomeKind.Completed, Pay(BankPurse, purse, cents).Kind);
            Bank.Ledger.Submit(BankPostings.CompleteLoad(new(key), Currency.Eur, BankPurse.Id.ToString(), cents));
        }
        if (linked)
        {
            PurseAccounts.Link(purse.Id, account);
        }
        return purse;
    }

    public TestPurse Merchant(string name) => Issued(name, PurseClass.Merchant);

    /// <summary>A purse the issuer personalised; its certificate registered with the bank, as issuing does.</summary>
    public TestPurse Issued(string name, PurseClass purseClass, bool registered = true)
    {
        TestPurse purse = _purses.Issued(name, purseClass, Currency.Eur);
        if (registered)
        {
            Assert.False(Registry.Register(purse.Certificate).AlreadyRegistered);
        }
        return purse;
    }

    /// <summary>Another card with the same image as <paramref name="original"/>: the same key, balance and sequence numbers.</summary>
    public static TestPurse Clone(TestPurse original, string name)
    {
        byte[] image = CardImage.Of(original.Name, original.Card).ToBytes();
        EmulatedCard card = CardImage.Parse(image).CreateCard(new AppletCatalog().Add("SmartCardCash.Purse", PurseApplet.Factory),
            new EmulatedCardOptions { ThrowOnAppletFault = true });
        card.PowerOn();
        return new TestPurse(name, card, PurseCard.Open(card.OpenChannel($"emulator:{name}", powerOffOnDispose: false), name))
        {
            Result = original.Result,
        };
    }

    public PaymentOutcome Pay(TestPurse payer, TestPurse payee, uint cents, Purse.Payments.Hotlist? hotlist = null) =>
        Coordinator.Pay(payer.Purse, payee.Purse, new PaymentRequest(Money.Of(Currency.Eur, cents)), Policy(hotlist));

    /// <summary>A completed payment, as the terminal journals it.</summary>
    public JournalEntry PayAndJournal(TestPurse payer, TestPurse payee, uint cents)
    {
        PaymentOutcome outcome = Pay(payer, payee, cents);
        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        return new JournalEntry(DateTimeOffset.UnixEpoch, "pay", outcome.SignedPayment!);
    }

    /// <summary>A payment interrupted after the payer's debit, both purses aborted: the payer logs 01, the payee 02.</summary>
    public static PaymentDetails LoseInFlight(TestPurse payer, TestPurse payee, uint cents)
    {
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(payer, payee, Money.Of(Currency.Eur, cents));
        payer.Purse.Req(req);
        payer.Purse.Abort();
        payee.Purse.Abort();
        return pd;
    }

    /// <summary>What a terminal uploads: the whole exception log, the certificate and the issuer counter.</summary>
    public static ExceptionUpload UploadOf(TestPurse purse)
    {
        purse.Purse.Select();
        IReadOnlyList<ExceptionLogEntry> records = purse.Purse.ReadExceptionLog();
        return new ExceptionUpload(purse.Purse.GetCertificate(), purse.Purse.GetStatus().IssuerCounter, records);
    }

    public static int LogCount(TestPurse purse)
    {
        purse.Purse.Select();
        return purse.Purse.GetStatus().ExceptionLogCount;
    }

    public static uint Balance(TestPurse purse)
    {
        purse.Purse.Select();
        return TestWorld.BalanceOf(purse, Currency.Eur);
    }

    public long AccountBalance(string name) => Bank.Balance(new AccountId($"customer.{name}")).CreditBalance;

    public CurrencyTotals AssertBalanced()
    {
        AuditReport report = Bank.Ledger.Audit();
        Assert.True(report.Balanced, string.Join(" ", report.Findings.Select(f => f.Sentence)));
        return Assert.Single(report.Currencies);
    }

    public void Dispose() => Bank.Dispose();
}
