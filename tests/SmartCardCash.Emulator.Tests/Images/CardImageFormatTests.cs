using System.Buffers.Binary;
using SmartCardCash.Emulator.Images;

namespace SmartCardCash.Emulator.Tests.Images;

public sealed class CardImageFormatTests
{
    private static (EmulatedCard Card, ProbeLog Log) UsedCard()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log, InterfaceProfile.Contactless);
        card.Install(EchoApplet.Aid, EchoApplet.TypeName, EchoApplet.Factory(log), 32);
        card.PowerOnAndSelectCounter();
        card.Send("8010030000");
        card.Send("8010030000");
        card.PowerOff();
        return (card, log);
    }

    [Fact]
    public void An_image_round_trips_identity_registry_and_memory()
    {
        (EmulatedCard card, ProbeLog log) = UsedCard();
        byte[] bytes = CardImage.Of("alice", card).ToBytes();
        CardImage image = CardImage.Parse(bytes);

        Assert.Equal("alice", image.Name);
        Assert.Equal(InterfaceProfile.Contactless, image.Profile.Interface);
        Assert.Equal(card.Profile.Uid.ToArray(), image.Profile.Uid.ToArray());
        Assert.Equal(card.Profile.NvmDataSize, image.Profile.NvmDataSize);
        Assert.Equal(card.Profile.CommitBufferCapacity, image.Profile.CommitBufferCapacity);
        Assert.Equal(card.PersistentWriteCount, image.PersistentWriteCount);
        Assert.Equal(card.Memory.Image.ToArray(), image.NvmImage.ToArray());
        Assert.Equal(card.Applets.Select(a => (a.AidHex, a.AppletType, a.RegionOffset, a.RegionSize)),
            image.Applets.Select(a => (a.AidHex, a.AppletType, a.RegionOffset, a.RegionSize)));
        Assert.Equal(bytes, image.ToBytes());

        EmulatedCard reloaded = image.CreateCard(TestCards.Catalog(log));
        reloaded.PowerOnAndSelectCounter();
        Assert.Equal((2u, 2u), reloaded.ReadCounters());
    }

    [Fact]
    public void A_card_saved_after_a_power_loss_recovers_when_reloaded()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log);
        card.PowerOnAndSelectCounter();
        card.Tearing = TearingPlan.AtWrite(4); // first apply of a 2-entry transaction
        Assert.Throws<Iso7816.Errors.CardRemovedException>(() => card.Send("8010000000"));

        EmulatedCard reloaded = CardImage.Parse(CardImage.Of("torn", card).ToBytes()).CreateCard(TestCards.Catalog(log));
        Assert.True(reloaded.Memory.HasCommittedJournal);
        reloaded.PowerOnAndSelectCounter();
        Assert.Equal((1u, 1u), reloaded.ReadCounters());
    }

    [Fact]
    public void Flipping_any_single_byte_is_detected()
    {
        (EmulatedCard card, _) = UsedCard();
        byte[] bytes = CardImage.Of("alice", card).ToBytes();
        var random = new Random(11);
        for (int i = 0; i < 200; i++)
        {
            byte[] corrupt = (byte[])bytes.Clone();
            int at = i < 40 ? i : random.Next(bytes.Length);
            corrupt[at] ^= (byte)(1 << random.Next(8));
            Assert.Throws<CardImageFormatException>(() => CardImage.Parse(corrupt, "alice.card"));
        }
    }

    [Fact]
    public void A_checksum_mismatch_says_so()
    {
        (EmulatedCard card, _) = UsedCard();
        byte[] bytes = CardImage.Of("alice", card).ToBytes();
        bytes[bytes.Length / 2] ^= 0x01;
        CardImageFormatException error = Assert.Throws<CardImageFormatException>(() => CardImage.Parse(bytes, "alice.card"));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains("alice.card", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_is_detected()
    {
        (EmulatedCard card, _) = UsedCard();
        byte[] bytes = CardImage.Of("alice", card).ToBytes();
        foreach (int length in new[] { 0, 1, 7, 8, 15, 16, 47, 100, bytes.Length / 2, bytes.Length - 33, bytes.Length - 1 })
        {
            CardImageFormatException error = Assert.Throws<CardImageFormatException>(() => CardImage.Parse(bytes.AsSpan(0, length)));
            Assert.True(length < 8 || error.Message.Contains("truncated", StringComparison.Ordinal), error.Message);
        }
        Assert.Throws<CardImageFormatException>(() => CardImage.Parse([.. bytes, 0]));
    }

    [Fact]
    public void Another_format_version_is_refused_by_name()
    {
        (EmulatedCard card, _) = UsedCard();
        byte[] bytes = CardImage.Of("alice", card).ToBytes();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 2);
        CardImageFormatException error = Assert.Throws<CardImageFormatException>(() => CardImage.Parse(bytes));
        Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_card_image_is_refused()
    {
        CardImageFormatException error = Assert.Throws<CardImageFormatException>(
            () => CardImage.Parse("hello, world, this is not a card"u8));
        Assert.Contains("not a SmartCardCash card image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_with_a_catalog_that_lacks_an_applet_type_names_it()
    {
        (EmulatedCard card, _) = UsedCard();
        CardImage image = CardImage.Parse(CardImage.Of("alice", card).ToBytes());
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(
            () => image.CreateCard(new AppletCatalog().Add(CounterApplet.TypeName, CounterApplet.Factory(new ProbeLog()))));
        Assert.Contains(EchoApplet.TypeName, error.Message, StringComparison.Ordinal);
    }
}
