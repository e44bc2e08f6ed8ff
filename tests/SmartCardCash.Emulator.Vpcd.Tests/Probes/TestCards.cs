using System.Buffers.Binary;
using SmartCardCash.Emulator.Images;

namespace SmartCardCash.Emulator.Vpcd.Tests.Probes;

internal static class TestCards
{
    public const string Increment = "8010000004";
    public const string Read = "8020000008";
    public const string Interface = "8040000001";
    public const string Session = "8050000001";

    public static EmulatedCard NewCard(ProbeLog log, InterfaceProfile profile = InterfaceProfile.ContactT1,
        EmulatedCardOptions? options = null)
    {
        var card = new EmulatedCard(CardProfile.FromSeed(profile, 3),
            options ?? new EmulatedCardOptions { Random = new DeterministicCardRandom(3) });
        card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(log), CounterApplet.RegionSize);
        return card;
    }

    public static AppletCatalog Catalog(ProbeLog log) =>
        new AppletCatalog().Add(CounterApplet.TypeName, CounterApplet.Factory(log));

    /// <summary>A card image in <paramref name="store"/> with the counter applet installed.</summary>
    public static StoredCard NewStoredCard(CardImageStore store, string name, ProbeLog log,
        InterfaceProfile profile = InterfaceProfile.ContactT1)
    {
        StoredCard stored = store.Create(name, CardProfile.FromSeed(profile, 5),
            new EmulatedCardOptions { Random = new DeterministicCardRandom(5) });
        stored.Card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(log), CounterApplet.RegionSize);
        return stored;
    }

    /// <summary>The counter of a card image as saved, read by powering a copy of it up (recovery included).</summary>
    public static uint CounterInImage(CardImageStore store, string name)
    {
        EmulatedCard copy = store.Read(name).CreateCard(Catalog(new ProbeLog()));
        return CounterOf(copy);
    }

    /// <summary>Powers an idle card up, reads its counter (checking both copies agree) and powers it off.</summary>
    public static uint CounterOf(EmulatedCard card)
    {
        card.PowerOn();
        try
        {
            Assert.Equal(StatusWord.Success, ResponseApdu.Parse(card.Transmit(Hex.Decode(CounterApplet.SelectHex))).StatusWord);
            ResponseApdu read = ResponseApdu.Parse(card.Transmit(Hex.Decode(Read)));
            Assert.Equal(StatusWord.Success, read.StatusWord);
            return CounterFrom(read);
        }
        finally
        {
            card.PowerOff();
        }
    }

    /// <summary>Selects the counter applet through <paramref name="reader"/> and checks it answered 9000.</summary>
    public static async Task SelectCounterAsync(this FakeVpcdConnection reader) =>
        Assert.Equal(StatusWord.Success, (await reader.TransmitAsync(CounterApplet.SelectHex)).StatusWord);

    /// <summary>The counter in a READ response, after checking that both copies agree.</summary>
    public static uint CounterFrom(ResponseApdu read)
    {
        ReadOnlySpan<byte> data = read.Data.Span;
        Assert.Equal(8, data.Length);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(data);
        Assert.Equal(value, BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
        return value;
    }
}
