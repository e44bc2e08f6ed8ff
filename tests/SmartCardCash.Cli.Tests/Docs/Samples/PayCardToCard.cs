// <pay-usings>
using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
// </pay-usings>

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>
/// The developer guide's first sample, compiled here and run by <see cref="PayCardToCardTests"/>: an issuer, two
/// purses on emulated cards, a mint, and a payment card to card with its outcome and the balances after.
/// </summary>
internal static class PayCardToCard
{
    public static (PaymentOutcome Outcome, Money BankBalance, Money AliceBalance) Run()
    {
        // <pay>
        // An issuer, and purses personalised through APDUs on fresh emulated cards, as real cards are.
        var issuer = Issuer.Create(new IssuerId(0x5343430A), DateOnly.FromDateTime(DateTime.UtcNow));
        var personaliser = new PursePersonaliser(issuer, new SequentialSerials());
        PurseCard NewPurse(string name, PurseClass purseClass)
        {
            EmulatedCard card = EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1);
            PurseCard purse = PurseCard.Open(card.OpenChannel(name), name);
            personaliser.Personalise(purse, PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], "1234"));
            return purse;                                  // selected: personalisation ends with SELECT
        }
        PurseCard bank = NewPurse("bank", PurseClass.Bank), alice = NewPurse("alice", PurseClass.Customer);

        bank.Mint(issuer, Money.Of(Currency.Eur, 100_00)); // value enters through a bank purse: EUR 100.00
        var policy = new PaymentPolicy(issuer.Certificate); // the terminal trusts this issuer's purses
        var request = new PaymentRequest(Money.Of(Currency.Eur, 12_50));
        PaymentOutcome outcome = new PaymentCoordinator().Pay(bank, alice, request, policy);

        Console.WriteLine(outcome.Summary);                // Paid EUR 12.50 from bank to alice.
        Money Balance(PurseCard purse) => new(Currency.Eur.Code, purse.GetBalances().Single().Balance);
        Console.WriteLine($"{outcome.Kind}: bank {Balance(bank)}, alice {Balance(alice)}"); // Completed: bank EUR 87.50, alice EUR 12.50
        // </pay>
        return (outcome, Balance(bank), Balance(alice));
    }
}
