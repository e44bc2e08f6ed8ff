using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse.Applet;

namespace SmartCardCash.Purse.Tests.Support;

/// <summary>
/// An issuer with a fixed key, a stopped clock and emulated purses with deterministic random sources, personalised
/// through <see cref="PursePersonaliser"/> exactly as a real card would be.
/// </summary>
internal sealed class TestWorld
{
    public const string LockCode = "1234";
    public static readonly IssuerId IssuerId = new(0x5343430A);
    public static readonly DateOnly Today = DateOnly.FromDateTime(FixedTime.Instant.UtcDateTime);

    private int _seed;

    public TestWorld(Issuer? issuer = null)
    {
        Issuer = issuer ?? Issuer.FromKeyPair(IssuerId, P256KeyPair.FromPrivateKeyHex(
            "6F5E4D3C2B1A09F8E7D6C5B4A392817065544332211000FFEEDDCCBBAA998877"), Today);
        Personaliser = new PursePersonaliser(Issuer, Serials, Time);
    }

    public Issuer Issuer { get; }

    public SequentialSerials Serials { get; } = new();

    public FixedTime Time { get; } = new();

    public PursePersonaliser Personaliser { get; }

    /// <summary>A powered card with a blank purse (PERSONALISATION), its random source seeded by the order cards are made in.</summary>
    public EmulatedCard NewCard(InterfaceProfile interfaceProfile = InterfaceProfile.ContactT1)
    {
        int seed = ++_seed;
        var card = new EmulatedCard(CardProfile.FromSeed(interfaceProfile, seed), new EmulatedCardOptions
        {
            Random = new DeterministicCardRandom(seed),
            ThrowOnAppletFault = true,
        });
        card.Install(PurseAid.Value, "SmartCardCash.Purse", PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        card.PowerOn();
        return card;
    }

    /// <summary>A card with a blank purse (PERSONALISATION), reached through its own channel.</summary>
    public TestPurse Blank(string name, InterfaceProfile interfaceProfile = InterfaceProfile.ContactT1)
    {
        EmulatedCard card = NewCard(interfaceProfile);
        return new TestPurse(name, card, PurseCard.Open(card.OpenChannel($"emulator:{name}", powerOffOnDispose: false), name));
    }

    /// <summary>A personalised purse with default limits.</summary>
    public TestPurse Issued(string name, PurseClass purseClass, params Currency[] currencies) =>
        Issued(name, purseClass, InterfaceProfile.ContactT1, currencies);

    public TestPurse Issued(string name, PurseClass purseClass, InterfaceProfile interfaceProfile, params Currency[] currencies)
    {
        TestPurse purse = Blank(name, interfaceProfile);
        CurrencyCode[] codes = currencies.Length == 0 ? [Currency.Eur.Code] : [.. currencies.Select(c => c.Code)];
        purse.Result = Personaliser.Personalise(purse.Purse, PersonalisationRequest.WithDefaultLimits(purseClass, codes, LockCode));
        return purse;
    }

    /// <summary>A bank purse holding <paramref name="minorUnits"/> EUR, minted by the issuer.</summary>
    public TestPurse FundedBank(string name, uint minorUnits)
    {
        TestPurse bank = Issued(name, PurseClass.Bank, Currency.Eur);
        bank.Purse.Select();
        bank.Purse.Mint(Issuer, Money.Of(Currency.Eur, minorUnits));
        return bank;
    }

    /// <summary>Both purses selected and each other's certificate verified: ready for START FROM / START TO.</summary>
    public static uint Introduce(TestPurse payer, TestPurse payee)
    {
        payer.Purse.Select();
        uint payeeSequence = payee.Purse.Select().NextSequenceNumber;
        payer.Purse.VerifyCertificate(payee.Certificate);
        payee.Purse.VerifyCertificate(payer.Certificate);
        return payeeSequence;
    }

    /// <summary>A payment started on both purses (START FROM, START TO): its details and the payee's REQ, not yet delivered.</summary>
    public static (PaymentDetails Details, ProtectedMessage Req) Start(TestPurse payer, TestPurse payee, Money amount)
    {
        uint payeeSequence = Introduce(payer, payee);
        PaymentDetails pd = payer.Purse.StartFrom(payee.Id, amount, payeeSequence);
        return (pd, payee.Purse.StartTo(payer.Id, amount, pd.FromSeq));
    }

    /// <summary>A whole payment through the protocol primitives, as the coordinator will run it.</summary>
    public static void Pay(TestPurse payer, TestPurse payee, CurrencyCode currency, uint value)
    {
        (_, ProtectedMessage req) = Start(payer, payee, new Money(currency, value));
        ProtectedMessage val = payer.Purse.Req(req);
        ProtectedMessage ack = payee.Purse.Val(val);
        payer.Purse.Ack(ack);
    }

    /// <summary>Leaves one record in <paramref name="payee"/>'s exception log: a START TO from <paramref name="payer"/> that it then aborted.</summary>
    public static void AbortedStartTo(TestPurse payer, TestPurse payee)
    {
        Introduce(payer, payee);
        payee.Purse.StartTo(payer.Id, Money.Of(Currency.Eur, 100), 3);
        payee.Purse.Abort();
    }

    public static uint BalanceOf(TestPurse purse, Currency currency) =>
        purse.Purse.GetBalances().Single(b => b.Currency == currency.Code).Balance;

    /// <summary>A transmitter that lets a test change what the card answers.</summary>
    public static IApduTransmitter Intercept(TestPurse purse, Func<CommandApdu, ResponseApdu, ResponseApdu> change) =>
        new InterceptingTransmitter(purse.Purse.Transmitter, change);

    private sealed class InterceptingTransmitter(IApduTransmitter inner, Func<CommandApdu, ResponseApdu, ResponseApdu> change)
        : IApduTransmitter
    {
        public ResponseApdu Transmit(CommandApdu command) => change(command, inner.Transmit(command));
    }
}
