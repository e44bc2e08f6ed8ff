using SmartCardCash.CardAccess;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.Purse;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// An scc home on disk, as the CLI keeps it: an issuer and the card images bank, alice and bob (EUR, lock code
/// 1234), the bank having minted exactly what it then paid to alice and bob. For tests that run scc as a process.
/// </summary>
internal static class ImageHome
{
    public static Issuer Create(string home, uint aliceCents, uint bobCents)
    {
        var issuers = IssuerStore.ForHome(home);
        Issuer issuer = issuers.Create(new IssuerId(0x5343430A));
        var personaliser = new PursePersonaliser(issuer, issuers);
        EmulatedCardStore cards = EmulatedCardStore.ForHome(home);
        foreach ((string name, PurseClass purseClass) in new[] { ("bank", PurseClass.Bank), ("alice", PurseClass.Customer), ("bob", PurseClass.Customer) })
        {
            using CardConnection card = cards.CreatePurseCard(name, Emulator.InterfaceProfile.ContactT1);
            personaliser.Personalise(PurseCard.Open(card.Channel, card.DisplayName), PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], "1234"));
        }
        using CardConnection bank = cards.Open("bank"), alice = cards.Open("alice"), bob = cards.Open("bob");
        PurseCard bankPurse = PurseCard.Open(bank.Channel, bank.DisplayName);
        bankPurse.Select();
        bankPurse.Mint(issuer, Money.Of(Currency.Eur, aliceCents + bobCents));
        var coordinator = new PaymentCoordinator();
        var policy = new PaymentPolicy(issuer.Certificate);
        Assert.Equal(PaymentOutcomeKind.Completed, coordinator.Pay(bankPurse, PurseCard.Open(alice.Channel, alice.DisplayName), new PaymentRequest(Money.Of(Currency.Eur, aliceCents)), policy).Kind);
        Assert.Equal(PaymentOutcomeKind.Completed, coordinator.Pay(bankPurse, PurseCard.Open(bob.Channel, bob.DisplayName), new PaymentRequest(Money.Of(Currency.Eur, bobCents)), policy).Kind);
        return issuer;
    }

    /// <summary>Reads a card image back: state, pdAuth, pending message, EUR balance, logs (exceptions only when idle, where reading them aborts nothing).</summary>
    public static PurseSnapshot Read(string home, string card) => PurseSnapshot.ReadImage(EmulatedCardStore.ForHome(home), card);
}
