using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// The purses of the payment benchmarks: one issuer, a bank purse that mints, and two customer purses ("alice" and
/// "bob") personalised through their APDUs and loaded with <see cref="StartingBalance"/> each through the coordinator,
/// as <c>scc card new</c>, <c>scc mint</c> and <c>scc pay</c> would. Benchmark payments of <see cref="Amount"/> go
/// alice → bob, then bob → alice, so neither purse ever runs out or fills up.
/// </summary>
public sealed class BenchPurses
{
    /// <summary>EUR 100.00.</summary>
    public const uint StartingBalance = 10_000;

    /// <summary>EUR 1.00: below the contactless limit, so no lock code is needed on any interface.</summary>
    public const uint Amount = 100;

    public const string LockCode = "1234";

    private BenchPurses(Issuer issuer)
    {
        Issuer = issuer;
        Policy = new PaymentPolicy(issuer.Certificate);
    }

    public Issuer Issuer { get; }

    /// <summary>The terminal's checks: the issuer as trust anchor, no hotlist, the system clock.</summary>
    public PaymentPolicy Policy { get; }

    public static PaymentRequest Request { get; } = new(Money.Of(Currency.Eur, Amount));

    /// <summary>
    /// Personalises the three cards behind the channels (blank purses, freshly installed) and loads alice and bob.
    /// The channels stay with the caller.
    /// </summary>
    public static BenchPurses Prepare(ICardChannel bank, ICardChannel alice, ICardChannel bob)
    {
        var purses = new BenchPurses(Issuer.Create(new IssuerId(0x5343430B), DateOnly.FromDateTime(DateTime.UtcNow)));
        var personaliser = new PursePersonaliser(purses.Issuer, new SequentialSerials());
        PurseCard bankPurse = PurseCard.Open(bank, "bank");
        personaliser.Personalise(bankPurse, PersonalisationRequest.WithDefaultLimits(PurseClass.Bank, [Currency.Eur.Code], LockCode));
        bankPurse.Select();
        bankPurse.Mint(purses.Issuer, Money.Of(Currency.Eur, 2 * StartingBalance));
        var coordinator = new PaymentCoordinator();
        foreach ((ICardChannel channel, string name) in new[] { (alice, "alice"), (bob, "bob") })
        {
            PurseCard purse = PurseCard.Open(channel, name);
            personaliser.Personalise(purse, PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], LockCode));
            PaymentOutcome load = coordinator.Pay(bankPurse, purse, new PaymentRequest(Money.Of(Currency.Eur, StartingBalance)), purses.Policy);
            if (load.Kind != PaymentOutcomeKind.Completed)
            {
                throw new InvalidOperationException($"loading {name} failed: {load.Summary}");
            }
        }
        return purses;
    }

    /// <summary>The EUR balance of a purse (selects it).</summary>
    public static uint Balance(PurseCard purse)
    {
        purse.Select();
        return purse.GetBalances().Single(b => b.Currency == Currency.Eur.Code).Balance;
    }
}
