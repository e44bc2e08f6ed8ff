using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Tests.Support;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// The purse tests' <see cref="TestWorld"/> (an issuer with a fixed key, a stopped clock, emulated purses with
/// deterministic random sources, personalised through APDUs as real cards are), a terminal policy trusting that
/// issuer, and cards behind a <see cref="FaultyChannel"/>.
/// </summary>
internal sealed class PaymentWorld
{
    public const string LockCode = TestWorld.LockCode;
    public static readonly IssuerId IssuerId = TestWorld.IssuerId;
    public static readonly DateOnly Today = TestWorld.Today;

    private readonly TestWorld _issuing = new();

    public PaymentWorld(Hotlist? hotlist = null)
    {
        Policy = new PaymentPolicy(Issuer.Certificate, hotlist, Time);
    }

    public Issuer Issuer => _issuing.Issuer;

    public SequentialSerials Serials => _issuing.Serials;

    public FixedTime Time => _issuing.Time;

    public PursePersonaliser Personaliser => _issuing.Personaliser;

    public PaymentPolicy Policy { get; set; }

    public PaymentCoordinator Coordinator { get; } = new();

    public TestCard Blank(string name, InterfaceProfile interfaceProfile = InterfaceProfile.ContactT1) =>
        new(name, _issuing.NewCard(interfaceProfile));

    public TestCard Issued(string name, PurseClass purseClass, InterfaceProfile interfaceProfile = InterfaceProfile.ContactT1,
        PersonalisationRequest? request = null)
    {
        TestCard card = Blank(name, interfaceProfile);
        card.Result = Personaliser.Personalise(card.Purse,
            request ?? PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], LockCode));
        return card;
    }

    public TestCard Customer(string name, uint euroCents = 0, TestCard? bank = null)
    {
        TestCard card = Issued(name, PurseClass.Customer);
        if (euroCents > 0)
        {
            Load(bank ?? throw new ArgumentNullException(nameof(bank)), card, euroCents);
        }
        return card;
    }

    public TestCard Bank(string name, uint mintedEuroCents)
    {
        TestCard bank = Issued(name, PurseClass.Bank);
        bank.Purse.Select();
        bank.Purse.Mint(Issuer, Money.Of(Currency.Eur, mintedEuroCents));
        return bank;
    }

    /// <summary>A load: payments from the bank purse, each within a customer's EUR 200.00 transaction limit, which must complete.</summary>
    public void Load(TestCard bank, TestCard card, uint euroCents)
    {
        for (uint left = euroCents; left > 0;)
        {
            uint part = Math.Min(left, 20_000);
            PaymentOutcome outcome = Pay(bank, card, part);
            Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
            left -= part;
        }
    }

    public PaymentOutcome Pay(TestCard payer, TestCard payee, uint euroCents, string? lockCode = null, bool force = false,
        byte[]? orderDigest = null) =>
        Coordinator.Pay(payer.Purse, payee.Purse, new PaymentRequest(Money.Of(Currency.Eur, euroCents), orderDigest)
        {
            LockCode = lockCode,
            Force = force,
        }, Policy);

    /// <summary>Leaves <paramref name="payer"/> and <paramref name="payee"/> as an interrupted payment would: the
    /// payment started on both, and the protocol runs up to (not including) <paramref name="stopBefore"/>.</summary>
    public static PaymentDetails StartAndStop(TestCard payer, TestCard payee, uint euroCents, byte stopBefore)
    {
        payer.Purse.Select();
        uint payeeSequence = payee.Purse.Select().NextSequenceNumber;
        payer.Purse.VerifyCertificate(payee.Certificate);
        payee.Purse.VerifyCertificate(payer.Certificate);
        PaymentDetails pd = payer.Purse.StartFrom(payee.Id, Money.Of(Currency.Eur, euroCents), payeeSequence);
        if (stopBefore == PurseInstruction.StartTo)
        {
            return pd;
        }
        ProtectedMessage req = payee.Purse.StartTo(payer.Id, Money.Of(Currency.Eur, euroCents), pd.FromSeq);
        if (stopBefore == PurseInstruction.Req)
        {
            return pd;
        }
        ProtectedMessage val = payer.Purse.Req(req);
        if (stopBefore == PurseInstruction.Val)
        {
            return pd;
        }
        ProtectedMessage ack = payee.Purse.Val(val);
        if (stopBefore == PurseInstruction.Ack)
        {
            return pd;
        }
        payer.Purse.Ack(ack);
        return pd;
    }
}
