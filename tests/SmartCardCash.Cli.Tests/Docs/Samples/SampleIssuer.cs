using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>
/// An issuer and the purses it personalises, in EUR with lock code 1234, for the samples' tests to run on: the
/// samples start where a reader's own code would, with purses already issued.
/// </summary>
internal sealed class SampleIssuer
{
    public const string LockCode = "1234";

    private readonly PursePersonaliser _personaliser;

    public SampleIssuer()
    {
        _personaliser = new PursePersonaliser(Issuer, new SequentialSerials());
    }

    public Issuer Issuer { get; } = Issuer.Create(new IssuerId(0x5343430A), DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>Personalises the blank purse behind <paramref name="channel"/>; returns it selected.</summary>
    public PurseCard Personalise(ICardChannel channel, string name, PurseClass purseClass)
    {
        PurseCard purse = PurseCard.Open(channel, name);
        _personaliser.Personalise(purse, PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], LockCode));
        return purse;
    }

    /// <summary>A purse on a fresh in-memory emulated card (contact T=1).</summary>
    public PurseCard NewPurse(string name, PurseClass purseClass) =>
        Personalise(EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1).OpenChannel(name), name, purseClass);

    /// <summary>A bank purse holding <paramref name="minorUnits"/> euro cents, minted by this issuer.</summary>
    public PurseCard NewBank(string name, uint minorUnits)
    {
        PurseCard bank = NewPurse(name, PurseClass.Bank);
        bank.Mint(Issuer, Money.Of(Currency.Eur, minorUnits));
        return bank;
    }

    public static uint Balance(PurseCard purse) => purse.GetBalances().Single(b => b.Currency == Currency.Eur.Code).Balance;
}
