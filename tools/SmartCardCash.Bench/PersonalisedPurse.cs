using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Bench;

/// <summary>Personalises the purse on a card (a customer purse in EUR, lock code 1234) through its APDUs, as scc card new does.</summary>
public static class PersonalisedPurse
{
    public const string LockCode = "1234";

    public static void Personalise(ICardChannel channel)
    {
        Issuer issuer = Issuer.Create(new IssuerId(0x5343430A), DateOnly.FromDateTime(DateTime.UtcNow));
        PurseCard purse = PurseCard.Open(channel, "bench");
        new PursePersonaliser(issuer, new SequentialSerials()).Personalise(purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], LockCode));
    }
}
