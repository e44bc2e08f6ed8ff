using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class ChannelTests
{
    [Theory]
    [InlineData(InterfaceProfile.ContactT0, CardProtocol.T0)]
    [InlineData(InterfaceProfile.ContactT1, CardProtocol.T1)]
    [InlineData(InterfaceProfile.Contactless, CardProtocol.T1)]
    public void A_channel_reports_name_atr_and_protocol_and_powers_the_card(InterfaceProfile profile, CardProtocol protocol)
    {
        var card = new EmulatedCard(CardProfile.FromSeed(profile, 3));
        using ICardChannel channel = card.OpenChannel("emulator:alice");
        Assert.True(card.IsPowered);
        Assert.Equal("emulator:alice", channel.Name);
        Assert.Equal(protocol, channel.Protocol);
        Assert.Equal(AnswerToReset.For(profile), channel.Atr.ToArray());
    }

    [Fact]
    public void A_channel_carries_raw_bytes_both_ways()
    {
        EmulatedCard card = TestCards.NewCounterCard(new ProbeLog());
        using var channel = new EmulatedCardChannel(card);
        byte[] select = channel.Transmit(Hex.Decode("00A4040009" + Hex.Encode(CounterApplet.Aid) + "00"));
        Assert.Equal(Hex.Decode("6F038401019000"), select);
        Assert.Equal(Hex.Decode("00000001 9000".Replace(" ", "", StringComparison.Ordinal)), channel.Transmit(Hex.Decode("8010000004")));
    }

    [Fact]
    public void A_power_loss_surfaces_as_card_removed_until_the_card_is_powered_again()
    {
        EmulatedCard card = TestCards.NewCounterCard(new ProbeLog());
        using var channel = new EmulatedCardChannel(card, "emulator:bob");
        channel.Transmit(Hex.Decode("00A4040009" + Hex.Encode(CounterApplet.Aid)));
        card.Tearing = TearingPlan.AtWrite(0);
        Assert.Throws<CardRemovedException>(() => channel.Transmit(Hex.Decode("8010000004")));
        Assert.Throws<CardRemovedException>(() => channel.Transmit(Hex.Decode("8020000000")));
        card.PowerOn();
        Assert.Equal(Hex.Decode("6D00"), channel.Transmit(Hex.Decode("8020000000")));
    }

    [Fact]
    public void Disposing_the_channel_powers_the_card_off_unless_asked_not_to()
    {
        var card = new EmulatedCard();
        card.OpenChannel().Dispose();
        Assert.False(card.IsPowered);
        card.OpenChannel(powerOffOnDispose: false).Dispose();
        Assert.True(card.IsPowered);
        var channel = new EmulatedCardChannel(card);
        channel.Dispose();
        Assert.Throws<ObjectDisposedException>(() => channel.Transmit(Hex.Decode("00A4040000")));
    }
}
