using SmartCardCash.Emulator.Images;
using SmartCardCash.Issuing;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.Audit;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Loads;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>
/// A bank (a fresh database, the issuer, a pool of bank purses, loads and deposits) and a terminal beside it: emulated
/// customer and merchant cards, a payment coordinator and one <see cref="Cut"/> that pulls a card, or the bank's
/// connection, at a chosen command of a payment.
/// </summary>
internal sealed class BankWorld : IDisposable
{
    public static readonly Currency Eur = TestBank.Eur;

    private readonly PursePersonaliser _personaliser;

    public BankWorld(BankStorageFixture storage, StorageProvider provider)
    {
        Bank = storage.Create(provider);
        Issuer = Issuer.Create(new IssuerId(0x5343430A), DateOnly.FromDateTime(DateTime.UtcNow));
        var serials = new SequentialSerials();
        Pool = new BankPursePool(Bank.Database, Issuer, serials, ImageKey);
        Loads = new BankLoads(Pool);
        Deposits = new BankDeposits(Pool);
        Policy = new PaymentPolicy(Issuer.Certificate);
        _personaliser = new PursePersonaliser(Issuer, serials);
    }

    public static readonly PurseImageKey ImageKey = PurseImageKey.Generate();

    public TestBank Bank { get; }

    public Issuer Issuer { get; }

    public BankPursePool Pool { get; }

    public BankLoads Loads { get; }

    public BankDeposits Deposits { get; }

    public PaymentPolicy Policy { get; }

    public PaymentCoordinator Coordinator { get; } = new();

    public Cut Cut { get; } = new();

    /// <summary>A new bank purse with <paramref name="minted"/> minted into it.</summary>
    public BankPurse BankPurse(long minted)
    {
        BankPurse purse = Pool.Provision(Eur);
        return minted > 0 ? Pool.Mint(purse.Id, minted, new TransferId($"mint/{purse.Id}")) : purse;
    }

    public WorldCard Card(string name, PurseClass purseClass = PurseClass.Customer)
    {
        var card = new WorldCard(name, BankPurseCard.Blank(), Cut);
        card.Result = _personaliser.Personalise(card.Purse, PersonalisationRequest.WithDefaultLimits(purseClass, [Eur.Code], "1234"));
        return card;
    }

    public AccountId Customer(string name, long cash) => Bank.Customer(name, cash);

    public AccountId Merchant(string name, FeeRate fee)
    {
        var id = new AccountId($"merchant.{name}");
        Bank.Ledger.Open(new NewAccount(id, Eur, AccountKind.Merchant, fee));
        return id;
    }

    /// <summary>The load's bank purse as the terminal reaches it, behind the cut.</summary>
    public (PurseCard Purse, CutChannel Channel) LoadPurse(string loadId)
    {
        var channel = new CutChannel(Loads.OpenChannel(loadId), Cut, () => { }, () => { });
        return (PurseCard.Open(channel, "bank"), channel);
    }

    public (PurseCard Purse, CutChannel Channel) DepositPurse(string depositId)
    {
        var channel = new CutChannel(Deposits.OpenChannel(depositId), Cut, () => { }, () => { });
        return (PurseCard.Open(channel, "bank"), channel);
    }

    public Load Authorise(string id, AccountId account, WorldCard card, long amount) =>
        Loads.Authorise(new LoadRequest(id, account, card.Id, Eur, amount)).Load;

    /// <summary>A whole load through the coordinator, which must complete.</summary>
    public Load LoadCard(string id, AccountId account, WorldCard card, long amount)
    {
        Load load = Authorise(id, account, card, amount);
        PaymentOutcome outcome = Coordinator.Pay(LoadPurse(id).Purse, card.Purse, Request(amount), Policy);
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        return Loads.Find(load.Id)!;
    }

    public static PaymentRequest Request(long amount) => new(Money.Of(Eur, (ulong)amount));

    public AccountBalance Balance(AccountId id) => Bank.Balance(id);

    /// <summary>The audit balances, and every bank purse's image holds what its account says.</summary>
    public AuditReport AssertBooksAgree()
    {
        AuditReport audit = Bank.Ledger.Audit();
        Assert.True(audit.Balanced, string.Join(Environment.NewLine, audit.Findings));
        foreach (BankPurse purse in Pool.List())
        {
            AccountBalance books = Balance(BankChart.BankPurse(Eur, purse.Id.ToString()));
            Assert.Equal(books.DebitsPosted - books.CreditsPosted, ImageBalance(purse.Id));
            Assert.Equal(purse.Balance, ImageBalance(purse.Id));
        }
        return audit;
    }

    /// <summary>The bank purse's card, made from its stored image (a copy: the bank's own is untouched).</summary>
    public PurseCard ImageCard(PurseId id)
    {
        var card = CardImage.Parse(Pool.Image(id)!).CreateCard(BankPurseCard.Catalog);
        PurseCard purse = PurseCard.Open(card.OpenChannel("bank purse copy"));
        purse.Select();
        return purse;
    }

    public long ImageBalance(PurseId id) => ImageCard(id).GetBalances().Single(b => b.Currency == Eur.Code).Balance;

    public IReadOnlyList<ExceptionRecord> ImageExceptionRecords(PurseId id) => [.. ImageCard(id).ReadExceptionLog().Select(e => e.Record)];

    /// <summary>The card's whole exception log as a terminal uploads it to the archive.</summary>
    public ExceptionUpload UploadOf(WorldCard card)
    {
        card.Purse.Select();
        return new ExceptionUpload(card.Purse.GetCertificate(), card.Purse.GetStatus().IssuerCounter, card.Purse.ReadExceptionLog());
    }

    public void Dispose() => Bank.Dispose();
}
