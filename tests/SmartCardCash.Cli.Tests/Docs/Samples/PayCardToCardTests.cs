using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The developer guide's payment sample does what its comments say.</summary>
public sealed class PayCardToCardTests
{
    [Fact]
    public void The_sample_pays_card_to_card_and_the_balances_show_it()
    {
        (PaymentOutcome outcome, Money bank, Money alice) = PayCardToCard.Run();

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(Certainty.Yes, outcome.Debited);
        Assert.Equal(Certainty.Yes, outcome.Credited);
        Assert.Equal("Paid EUR 12.50 from bank to alice.", outcome.Summary);
        Assert.Equal(new Money(Currency.Eur.Code, 87_50), bank);
        Assert.Equal(new Money(Currency.Eur.Code, 12_50), alice);
    }
}
