using SmartCardCash.Emulator;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>Makes purse applets on emulated cards: blank, or personalised through the real APDUs.</summary>
internal static class Purses
{
    public static readonly CurrencyCode Eur = Currency.Eur.Code;
    public static readonly CurrencyCode Gbp = Currency.Gbp.Code;
    public static readonly CurrencyCode Usd = Currency.Usd.Code;
    public static readonly CurrencyCode Jpy = Currency.Jpy.Code;

    public const uint MaximumBalance = 1_000_000;
    public const uint TransactionLimit = 100_000;
    public const uint ContactlessLimit = 2_000;

    public static readonly BcdDate Effective = BcdDate.FromDate(2025, 6, 1);
    public static readonly BcdDate Expiry = BcdDate.FromDate(2030, 12, 31);

    private static int _nextSerial = 0x100;

    /// <summary>A freshly installed purse (PERSONALISATION) on an emulated card powered through <paramref name="via"/>, selected.</summary>
    public static PurseUnderTest Blank(string seed = "blank", InterfaceProfile via = InterfaceProfile.ContactT1)
    {
        var purse = new PurseUnderTest(PurseCard.Create(seed, via));
        purse.Select();
        return purse;
    }

    /// <summary>A purse personalised and activated with the default issuer, limits and lock code "1234" (3 tries).</summary>
    public static PurseUnderTest Issued(PurseClass purseClass, params CurrencyCode[] currencies) =>
        Issued(purseClass, NewId(), currencies);

    public static PurseUnderTest Issued(PurseClass purseClass, PurseId id, params CurrencyCode[] currencies)
    {
        PurseUnderTest purse = Blank("purse " + id);
        Personalise(purse, purseClass, id, currencies);
        return purse;
    }

    /// <summary>
    /// An issued purse on a card powered through <paramref name="via"/>, driven through the host's APDU pipeline (so
    /// T=0's 61xx answers are fetched as an application fetches them).
    /// </summary>
    public static PurseUnderTest IssuedOn(InterfaceProfile via, PurseClass purseClass, params CurrencyCode[] currencies)
    {
        PurseId id = NewId();
        var purse = new PurseUnderTest(PurseCard.Create("purse " + id, via).ThroughHostPipeline());
        purse.Select();
        Personalise(purse, purseClass, id, currencies);
        return purse;
    }

    /// <summary>
    /// Personalises a blank, selected purse on any host: key pair, certificates, limits, lock code "1234" (3 tries),
    /// ACTIVATE; then SELECT.
    /// </summary>
    public static void Personalise(PurseUnderTest purse, PurseClass purseClass, PurseId id, params CurrencyCode[] currencies)
    {
        if (currencies.Length == 0)
        {
            currencies = [Eur];
        }
        TestIssuer issuer = TestIssuer.Default;
        byte[] publicKey = PurseResponses.ParsePublicKey(purse.SendOk(PurseCommands.GenerateKeyPair()));
        purse.SendOk(PurseCommands.PutIssuerCertificate(issuer.Certificate.Encoded));
        PurseCertificate certificate = issuer.Certify(id, purseClass, currencies, Effective, Expiry, publicKey);
        purse.SendOk(PurseCommands.PutPurseCertificate(certificate.Encoded));
        foreach (CurrencyCode currency in currencies)
        {
            purse.SendOk(PurseCommands.PutPocketLimits(currency, MaximumBalance, TransactionLimit, ContactlessLimit));
        }
        purse.SendOk(PurseCommands.PutLockCode("1234", 3));
        purse.SendOk(PurseCommands.Activate());
        purse.Id = id;
        purse.Class = purseClass;
        purse.Currencies = currencies;
        purse.PublicKey = publicKey;
        purse.Certificate = certificate;
        purse.Select();
    }

    /// <summary>A bank purse holding <paramref name="amount"/> minted in each currency.</summary>
    public static PurseUnderTest Bank(uint amount, params CurrencyCode[] currencies)
    {
        PurseUnderTest bank = Issued(PurseClass.Bank, currencies);
        foreach (CurrencyCode currency in bank.Currencies)
        {
            bank.Mint(currency, amount);
        }
        return bank;
    }

    public static PurseId NewId() => new(0x5CC0_0100_0000_0000UL | (uint)Interlocked.Increment(ref _nextSerial));

    /// <summary>A counterparty simulated from a fixed key (for messages the tests forge or replay).</summary>
    public static SimulatedPurse Simulated(PurseClass purseClass, P256KeyPair key, params CurrencyCode[] currencies) =>
        SimulatedPurse.Create(TestIssuer.Default, purseClass.ToString(), NewId(), purseClass,
            currencies.Length == 0 ? [Eur] : currencies, key);
}
