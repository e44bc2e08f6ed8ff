using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>
/// The bank service holding the issuer of real emulated purses: a bank purse minted in the ledger as on the card,
/// customers loaded from their accounts as a load posts it (the card paid by the bank purse, the purse linked to the
/// account), merchants; and what a terminal sends: journal lines, exception uploads, clear authorisations.
/// </summary>
internal sealed class PurseWorld : IAsyncDisposable
{
    public const uint Minted = 1_000_000;

    private readonly TestWorld _purses;
    private readonly List<PurseId> _issued = [];
    private int _loads;

    public TestService Service { get; }

    public TestBank Bank => Service.Bank;

    public Issuer Issuer => _purses.Issuer;

    public TestPurse BankPurse { get; }

    public PaymentCoordinator Coordinator { get; } = new();

    public static async Task<PurseWorld> StartAsync(BankStorageFixture storage, StorageProvider provider, long maxJournalBodyBytes = BankServiceOptions.DefaultMaxJournalBodyBytes)
    {
        var purses = new TestWorld();
        TestService service = await TestService.StartAsync(storage.Create(provider), issuer: purses.Issuer, maxJournalBodyBytes: maxJournalBodyBytes);
        return new PurseWorld(service, purses);
    }

    private PurseWorld(TestService service, TestWorld purses)
    {
        _purses = purses;
        Service = service;
        BankPurse = _purses.FundedBank("bank", Minted);
        Bank.BankPurse(BankPurse.Id.ToString(), Minted);
    }

    /// <summary>A customer purse loaded with <paramref name="cents"/> from its account, as a load posts it; linked to the
    /// account unless <paramref name="linked"/> is false.</summary>
    public TestPurse Customer(string name, uint cents, bool linked = true)
    {
        TestPurse purse = _purses.Issued(name, PurseClass.Customer, Currency.Eur);
        _issued.Add(purse.Id);
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
            new PurseAccounts(Bank.Database).Link(purse.Id, account);
        }
        return purse;
    }

    public TestPurse Merchant(string name)
    {
        TestPurse purse = _purses.Issued(name, PurseClass.Merchant, Currency.Eur);
        _issued.Add(purse.Id);
        return purse;
    }

    /// <summary>Every customer and merchant purse issued so far.</summary>
    public IReadOnlyList<PurseId> Purses => _issued;

    public PaymentOutcome Pay(TestPurse payer, TestPurse payee, uint cents) =>
        Coordinator.Pay(payer.Purse, payee.Purse, new PaymentRequest(Money.Of(Currency.Eur, cents)), new PaymentPolicy(Issuer.Certificate, null, _purses.Time));

    /// <summary>A completed payment's journal line, as scc pay appends it.</summary>
    public string PayAndJournal(TestPurse payer, TestPurse payee, uint cents)
    {
        PaymentOutcome outcome = Pay(payer, payee, cents);
        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        return JournalFormat.Encode(new JournalEntry(DateTimeOffset.UnixEpoch, "pay", outcome.SignedPayment!));
    }

    /// <summary>Another card with <paramref name="original"/>'s image: the same key, balance and sequence numbers.</summary>
    public static TestPurse Clone(TestPurse original, string name)
    {
        byte[] image = CardImage.Of(original.Name, original.Card).ToBytes();
        EmulatedCard card = CardImage.Parse(image).CreateCard(new AppletCatalog().Add("SmartCardCash.Purse", PurseApplet.Factory),
            new EmulatedCardOptions { ThrowOnAppletFault = true });
        card.PowerOn();
        return new TestPurse(name, card, PurseCard.Open(card.OpenChannel($"emulator:{name}", powerOffOnDispose: false), name)) { Result = original.Result };
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
    public static ExceptionUploadRequest UploadOf(TestPurse purse)
    {
        purse.Purse.Select();
        IReadOnlyList<ExceptionLogEntry> records = purse.Purse.ReadExceptionLog();
        return new ExceptionUploadRequest(Hex.Encode(purse.Purse.GetCertificate().Encoded), purse.Purse.GetStatus().IssuerCounter,
            [.. records.Select(r => new ExceptionRecordUpload(Hex.Encode(r.Record.Encode()), Hex.Encode(r.Signature.Span)))]);
    }

    /// <summary>Sends the bank's clear authorisation to the card, as scc bank exceptions does.</summary>
    public static void Clear(TestPurse purse, ClearAuthorisationJson clear)
    {
        var authorisation = IssuerAuthorisation.ClearExceptionLog(PurseId.Parse(clear.Purse), checked((uint)clear.IssuerCounter), Hex.Decode(clear.LogDigest));
        purse.Purse.Select();
        purse.Purse.ClearExceptionLog(new SignedIssuerAuthorisation(authorisation, Hex.Decode(clear.Signature)));
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

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();
}
