using Moq;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Purse.Tests;

/// <summary>An amount travels as <see cref="Money"/> down to the card command, and becomes the card's 32-bit value in
/// one place: what does not fit is refused before anything is sent.</summary>
public sealed class CardAmountTests
{
    private static readonly PurseId Peer = new(0x5343430A00000009);
    private static readonly Money TooMuch = Money.Of(Currency.Eur, (ulong)uint.MaxValue + 1);

    [Fact]
    public void A_payment_request_is_money_and_refuses_what_no_card_can_carry()
    {
        var request = new PaymentRequest(Money.Of(Currency.Gbp, 1_250));

        Assert.Equal((Currency.Gbp.Code, 1_250ul, "GBP 12.50"), (request.Currency, request.Amount.MinorUnits, request.Amount.ToString()));
        Assert.Contains("the amount must be more than EUR 0.00",
            Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentRequest(Money.Of(Currency.Eur, 0))).Message);
        Assert.Contains("EUR 42949672.96 is more than a purse can hold",
            Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentRequest(TooMuch)).Message);
    }

    [Fact]
    public void The_purse_commands_send_nothing_for_an_amount_over_32_bits()
    {
        var transmitter = new Mock<IApduTransmitter>(MockBehavior.Strict);
        var card = new PurseCard(transmitter.Object, "alice");
        var issuer = new Mock<IIssuerSigner>(MockBehavior.Strict);

        Assert.Throws<ArgumentOutOfRangeException>(() => card.StartFrom(Peer, TooMuch, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => card.StartTo(Peer, TooMuch, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => card.Mint(issuer.Object, TooMuch));
        transmitter.Verify(t => t.Transmit(It.IsAny<CommandApdu>()), Times.Never);
    }

    [Fact]
    public void Start_from_carries_the_currency_and_minor_units_of_the_money()
    {
        CommandApdu? sent = null;
        var transmitter = new Mock<IApduTransmitter>();
        transmitter.Setup(t => t.Transmit(It.IsAny<CommandApdu>()))
            .Callback<CommandApdu>(command => sent = command)
            .Returns(new ResponseApdu(new StatusWord(0x6A80)));

        Assert.ThrowsAny<Exception>(() => new PurseCard(transmitter.Object, "alice").StartFrom(Peer, Money.Of(Currency.Jpy, 1_250), 7));

        Assert.Equal(PurseCommands.StartFrom(Peer, Currency.Jpy.Code, 1_250, 7).ToBytes(), sent!.ToBytes());
    }
}
