using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// What the bank will do, with the public API of SmartCardCash.Purse alone (no CLI) over emulated cards: a load (the
/// bank purse pays a customer purse) and a deposit (a merchant purse pays the bank purse), decided from the structured
/// outcome, never its sentences. And a terminal's payment between two cards that 'scc card new' made, in a few lines.
/// </summary>
public sealed class PublicApiTests
{
    private readonly Issuer _issuer = Issuer.Create(new IssuerId(0x5343430C), DateOnly.FromDateTime(DateTime.UtcNow));
    private readonly SequentialSerials _serials = new();

    [Fact]
    public void A_bank_loads_a_customer_and_takes_a_merchants_deposit_reading_only_the_structured_outcome()
    {
        (PurseCard bank, _) = NewPurse("bank", PurseClass.Bank);
        (PurseCard customer, _) = NewPurse("customer", PurseClass.Customer);
        (PurseCard merchant, _) = NewPurse("merchant", PurseClass.Merchant);
        bank.Select();
        bank.Mint(_issuer, Money.Of(Currency.Eur, 50_000));
        var coordinator = new PaymentCoordinator();
        var policy = new PaymentPolicy(_issuer.Certificate);

        PaymentOutcome load = coordinator.Pay(bank, customer, new PaymentRequest(Money.Of(Currency.Eur, 20_000)), policy);
        AssertPaid(load, bank, customer, 20_000);
        PaymentOutcome purchase = coordinator.Pay(customer, merchant, new PaymentRequest(Money.Of(Currency.Eur, 7_500)), policy);
        AssertPaid(purchase, customer, merchant, 7_500);
        PaymentOutcome deposit = coordinator.Pay(merchant, bank, new PaymentRequest(Money.Of(Currency.Eur, 7_500)), policy);
        AssertPaid(deposit, merchant, bank, 7_500);

        Assert.Equal((37_500u, 12_500u, 0u), (Balance(bank), Balance(customer), Balance(merchant)));

        // A deposit of more than the merchant holds: refused by the merchant's purse, nothing moved, nothing to do.
        PaymentOutcome refused = coordinator.Pay(merchant, bank, new PaymentRequest(Money.Of(Currency.Eur, 1)), policy);
        Assert.Equal((PaymentOutcomeKind.NotStarted, Certainty.No, Certainty.No, ValueLocation.WithPayer, PaymentRemedy.None),
            (refused.Kind, refused.Debited, refused.Credited, refused.Value, refused.Remedy));
        Assert.Equal((PaymentParty.Payer, RefusalReason.RefusedByCard, "9401", false),
            (refused.Refusal!.By, refused.Refusal.Reason, refused.Refusal.StatusWord, refused.IsSecurityRefusal));
        Assert.Null(refused.Payment);
        Assert.Equal((37_500u, 0u), (Balance(bank), Balance(merchant)));
    }

    [Fact]
    public void A_load_cut_off_after_the_debit_says_where_the_value_is_and_recovery_finishes_it()
    {
        (PurseCard bank, _) = NewPurse("bank", PurseClass.Bank);
        (PurseCard customer, EmulatedCard customerCard) = NewPurse("customer", PurseClass.Customer);
        bank.Select();
        bank.Mint(_issuer, Money.Of(Currency.Eur, 50_000));
        var coordinator = new PaymentCoordinator();
        var policy = new PaymentPolicy(_issuer.Certificate);
        var pulled = new FaultyChannel(customerCard, "customer");
        pulled.FailAt(4, FaultKind.RemoveBefore);   // SELECT, GET DATA, VERIFY CERTIFICATE, START TO; then VAL never arrives

        PaymentOutcome load = coordinator.Pay(bank, PurseCard.Open(pulled, "customer"),
            new PaymentRequest(Money.Of(Currency.Eur, 15_000)), policy);

        // The bank purse was debited; whether VAL reached the customer's card is unknown until it is back.
        Assert.Equal((PaymentOutcomeKind.Interrupted, Certainty.Yes, Certainty.Maybe, ValueLocation.PendingLogOrPayee, PaymentRemedy.RecoverOrAbandon),
            (load.Kind, load.Debited, load.Credited, load.Value, load.Remedy));
        Assert.Equal((15_000u, TransferState.ExpectingAck), (load.Payment!.Details.Value, load.Payer.TransferState));
        Assert.False(load.Payee!.Reachable);

        customerCard.PowerOn();
        PaymentOutcome recovered = coordinator.Recover(bank, customer);

        Assert.Equal((PaymentOutcomeKind.Completed, Certainty.Yes, Certainty.Yes, ValueLocation.WithPayee),
            (recovered.Kind, recovered.Debited, recovered.Credited, recovered.Value));
        Assert.Equal(load.Payment.Details, recovered.Payment!.Details);
        Assert.Equal((35_000u, 15_000u), (Balance(bank), Balance(customer)));
    }

    [Fact]
    public void A_payment_between_the_cards_of_an_scc_home_takes_a_few_lines_of_the_public_api()
    {
        string home = Path.Combine(Path.GetTempPath(), "scc-sample-" + Guid.NewGuid().ToString("N"));
        try
        {
            ImageHome.Create(home, aliceCents: 10_000, bobCents: 500);

            Sample(home);

            Assert.Equal((8_750u, 1_750u), (ImageHome.Read(home, "alice").Balance, ImageHome.Read(home, "bob").Balance));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>What a terminal program writes to pay between two cards of an scc home (15 lines).</summary>
    private static void Sample(string home)
    {
        var cards = EmulatedCardStore.ForHome(home);                     // the cards 'scc card new' made in $SCC_HOME
        using var alice = cards.Open("alice");
        using var bob = cards.Open("bob");
        byte[] issuer = File.ReadAllBytes(Path.Combine(home, "issuer", "issuer-certificate.cvc"));
        var policy = new PaymentPolicy(PurseCertificate.Decode(issuer));  // the terminal trusts this issuer only

        PaymentOutcome outcome = new PaymentCoordinator().Pay(
            PurseCard.Open(alice.Channel, "alice"), PurseCard.Open(bob.Channel, "bob"),
            new PaymentRequest(Money.Of(Currency.Eur, 1_250)), policy);

        Console.WriteLine(outcome.Summary);                              // "Paid EUR 12.50 from alice to bob."
        if (outcome.Kind != PaymentOutcomeKind.Completed)
        {
            Console.WriteLine($"debited {outcome.Debited}, credited {outcome.Credited}: {outcome.Value}, next {outcome.Remedy}");
        }
    }

    private (PurseCard Purse, EmulatedCard Card) NewPurse(string name, PurseClass purseClass)
    {
        EmulatedCard card = EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1);
        var purse = PurseCard.Open(card.OpenChannel(name), name);
        new PursePersonaliser(_issuer, _serials).Personalise(purse,
            PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], "1234"));
        return (purse, card);
    }

    private static void AssertPaid(PaymentOutcome outcome, PurseCard payer, PurseCard payee, uint minorUnits)
    {
        Assert.Equal((PaymentOutcomeKind.Completed, Certainty.Yes, Certainty.Yes, ValueLocation.WithPayee, PaymentRemedy.None),
            (outcome.Kind, outcome.Debited, outcome.Credited, outcome.Value, outcome.Remedy));
        Assert.Null(outcome.Refusal);
        PaymentDetails pd = outcome.Payment!.Details;
        Assert.Equal((Id(payer), Id(payee), Currency.Eur.Code, minorUnits), (pd.From, pd.To, pd.Currency, pd.Value));
        Assert.Equal((TransferState.Idle, TransferState.Idle), (outcome.Payer.TransferState, outcome.Payee!.TransferState));
    }

    private static PurseId Id(PurseCard purse) => purse.Select().PurseId!.Value;

    private static uint Balance(PurseCard purse)
    {
        purse.Select();
        return purse.GetBalances().Single(b => b.Currency == Currency.Eur.Code).Balance;
    }
}
