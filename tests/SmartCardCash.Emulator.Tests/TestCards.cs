namespace SmartCardCash.Emulator.Tests;

internal static class TestCards
{
    public static EmulatedCard NewCounterCard(ProbeLog log, InterfaceProfile profile = InterfaceProfile.ContactT1,
        int commitBufferCapacity = CardProfile.DefaultCommitBufferCapacity)
    {
        var card = new EmulatedCard(CardProfile.FromSeed(profile, 1, commitBufferCapacity: commitBufferCapacity),
            new EmulatedCardOptions { Random = new DeterministicCardRandom(1) });
        card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(log), CounterApplet.RegionSize);
        return card;
    }

    public static AppletCatalog Catalog(ProbeLog log) =>
        new AppletCatalog().Add(CounterApplet.TypeName, CounterApplet.Factory(log)).Add(EchoApplet.TypeName, EchoApplet.Factory(log));

    public static ResponseApdu Send(this EmulatedCard card, string hex) => ResponseApdu.Parse(card.Transmit(Hex.Decode(hex)));

    public static ResponseApdu SelectCounter(this EmulatedCard card) =>
        card.Send("00A40400" + "09" + Hex.Encode(CounterApplet.Aid) + "00");

    /// <summary>Powers the card on (recovery included) and selects the counter applet, as a terminal starts a session.</summary>
    public static ResponseApdu PowerOnAndSelectCounter(this EmulatedCard card)
    {
        card.PowerOn();
        return card.SelectCounter();
    }

    /// <summary>A and B as the applet reports them.</summary>
    public static (uint A, uint B) ReadCounters(this EmulatedCard card)
    {
        ResponseApdu response = card.Send("8020000000");
        Assert.Equal(StatusWord.Success, response.StatusWord);
        ReadOnlySpan<byte> data = response.Data.Span;
        return (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
    }
}
