using SmartCardCash.Emulator;
using SmartCardCash.Purse;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>
/// The cards of one wording scenario: a bank, alice (EUR 100.00) and bob (nothing), more purses on demand, and a
/// coordinator whose log is kept. Each step is written to the <see cref="Transcript"/>.
/// </summary>
internal sealed class Stage
{
    public const uint AliceStart = 10_000;

    private readonly List<TestCard> _cards = [];

    public Stage(Transcript transcript, string scenario, InterfaceProfile alice = InterfaceProfile.ContactT1,
        InterfaceProfile bob = InterfaceProfile.ContactT1)
    {
        Transcript = transcript;
        Bank = Add(World.Bank("bank", 100_000));
        Alice = Add(World.Issued("alice", PurseClass.Customer, alice));
        World.Load(Bank, Alice, AliceStart);
        Bob = Add(World.Issued("bob", PurseClass.Customer, bob));
        Coordinator = new PaymentCoordinator(Log);
        transcript.Scenario(scenario);
    }

    public PaymentWorld World { get; } = new();

    public Transcript Transcript { get; }

    public ListLogger Log { get; } = new();

    public PaymentCoordinator Coordinator { get; }

    public TestCard Bank { get; }

    public TestCard Alice { get; }

    public TestCard Bob { get; }

    public TestCard Add(TestCard card)
    {
        _cards.Add(card);
        return card;
    }

    public void Step(string label, Func<PaymentCoordinator, PaymentOutcome> step) =>
        Transcript.Step(label, _cards, Log, () => step(Coordinator));

    public void Pay(TestCard payer, TestCard payee, uint cents, string? lockCode = null, bool force = false, byte[]? digest = null) =>
        Pay(payer.Purse, payee.Purse, cents, lockCode, force, digest);

    public void Pay(PurseCard payer, PurseCard payee, uint cents, string? lockCode = null, bool force = false, byte[]? digest = null) =>
        Step("pay", c => c.Pay(payer, payee, new PaymentRequest(Money.Of(Currency.Eur, cents), digest) { LockCode = lockCode, Force = force },
            World.Policy));

    /// <summary>Recovers alice → bob with every card back in the reader, then once more (which must find nothing).</summary>
    public void RecoverTwice(PurseCard? payee = null)
    {
        ReinsertAll();
        Step("recover", c => c.Recover(Alice.Purse, payee ?? Bob.Purse));
        ReinsertAll();
        Step("recover again", c => c.Recover(Alice.Purse, payee ?? Bob.Purse));
    }

    public void ReinsertAll()
    {
        foreach (TestCard card in _cards)
        {
            card.Reinsert();
        }
    }
}
