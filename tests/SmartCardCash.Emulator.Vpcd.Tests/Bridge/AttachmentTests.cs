using SmartCardCash.Emulator.Images;
using SmartCardCash.Emulator.Tests.Images;

namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class AttachmentTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Two_slots_run_together_and_stop_together_releasing_the_card_images()
    {
        var store = new CardImageStore(_directory.Path);
        var log = new ProbeLog();
        (FakeVpcd slot0, FakeVpcd slot1) = FakeVpcd.Pair();
        using (slot0)
        using (slot1)
        {
            var attachment = new VpcdAttachment(basePort: slot0.Port);
            var connected = new RecordedEvents<(string Card, int Slot)>();
            attachment.StateChanged += (sender, e) =>
            {
                if (e.Current == VpcdSlotState.Inserted)
                {
                    connected.Add((((VpcdBridge)sender!).CardName, e.Slot));
                }
            };
            VpcdBridge alice = attachment.Attach(0, TestCards.NewStoredCard(store, "alice", log));
            VpcdBridge bob = attachment.Attach(1, TestCards.NewStoredCard(store, "bob", log, InterfaceProfile.Contactless));
            using FakeVpcdConnection reader0 = await slot0.AcceptAsync();
            using FakeVpcdConnection reader1 = await slot1.AcceptAsync();

            byte[] atr0 = await reader0.GetAtrAsync();
            byte[] atr1 = await reader1.GetAtrAsync();
            await reader0.PowerOnAsync();
            await reader0.SelectCounterAsync();
            Assert.Equal(StatusWord.Success, (await reader0.TransmitAsync(TestCards.Increment)).StatusWord);
            await Eventually.HoldsAsync(() => connected.Events.Count == 2, "both Inserted events");

            await attachment.StopAsync().WaitAsync(Eventually.Patience);

            Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), atr0);
            Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), atr1);
            Assert.True(await reader0.IsClosedByCardAsync());
            Assert.True(await reader1.IsClosedByCardAsync());
            Assert.Equal(VpcdSlotState.Detached, alice.State);
            Assert.Equal(VpcdSlotState.Detached, bob.State);
            Assert.Equal((slot0.Port, slot1.Port), (alice.Port, bob.Port));
            Assert.Equal([("alice", 0), ("bob", 1)], connected.Events.OrderBy(c => c.Slot));
            Assert.Empty(attachment.Bridges);
            // The attachment owned the stored cards: their locks are released, so they open again.
            using StoredCard reopened = store.Open("alice", TestCards.Catalog(log));
            Assert.Equal(1u, TestCards.CounterOf(reopened.Card));
        }
    }

    [Fact]
    public async Task Detaching_one_slot_leaves_the_other_in_its_reader()
    {
        (FakeVpcd slot0, FakeVpcd slot1) = FakeVpcd.Pair();
        using (slot0)
        using (slot1)
        {
            await using var attachment = new VpcdAttachment(basePort: slot0.Port);
            EmulatedCard alice = TestCards.NewCard(new ProbeLog());
            attachment.Attach(0, alice, "alice");
            attachment.Attach(1, TestCards.NewCard(new ProbeLog()), "bob");
            using FakeVpcdConnection reader0 = await slot0.AcceptAsync();
            using FakeVpcdConnection reader1 = await slot1.AcceptAsync();

            await attachment.DetachAsync(0).WaitAsync(Eventually.Patience);

            Assert.True(await reader0.IsClosedByCardAsync());
            Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), await reader1.GetAtrAsync());
            Assert.Equal(["bob"], attachment.Bridges.Select(b => b.CardName));
            Assert.Equal("bob", attachment[1].CardName);
            Assert.Throws<KeyNotFoundException>(() => attachment[0]);
            Assert.False(alice.IsPowered);
        }
    }

    [Fact]
    public async Task Stopping_the_attachment_from_a_slot_event_stops_every_slot_and_releases_every_image()
    {
        var store = new CardImageStore(_directory.Path);
        var log = new ProbeLog();
        (FakeVpcd slot0, FakeVpcd slot1) = FakeVpcd.Pair();
        using (slot0)
        using (slot1)
        {
            var attachment = new VpcdAttachment(basePort: slot0.Port);
            Task? stopping = null;
            attachment.ApduExchanged += (_, _) => stopping ??= attachment.StopAsync();
            VpcdBridge alice = attachment.Attach(0, TestCards.NewStoredCard(store, "alice", log));
            VpcdBridge bob = attachment.Attach(1, TestCards.NewStoredCard(store, "bob", log));
            using FakeVpcdConnection reader0 = await slot0.AcceptAsync();
            using FakeVpcdConnection reader1 = await slot1.AcceptAsync();
            await reader0.PowerOnAsync();

            await reader0.TransmitAsync(Hex.Decode(CounterApplet.SelectHex));
            await Eventually.HoldsAsync(() => stopping is not null, "the handler asking the attachment to stop");
            await stopping!.WaitAsync(Eventually.Patience);
            await alice.Completion.WaitAsync(Eventually.Patience);

            Assert.Equal(VpcdSlotState.Detached, alice.State);
            Assert.Equal(VpcdSlotState.Detached, bob.State);
            Assert.True(await reader1.IsClosedByCardAsync());
            // Alice's image is released once her slot's task has finished the handler that stopped it.
            await Eventually.HoldsAsync(() => CanOpen(store, "alice", log), "alice's image lock being released");
            Assert.True(CanOpen(store, "bob", log));
        }
    }

    private static bool CanOpen(CardImageStore store, string name, ProbeLog log)
    {
        try
        {
            using StoredCard card = store.Open(name, TestCards.Catalog(log));
            return true;
        }
        catch (CardImageLockedException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_slot_or_a_card_can_be_attached_only_once()
    {
        using var vpcd = new FakeVpcd();
        await using var attachment = new VpcdAttachment(basePort: vpcd.Port);
        EmulatedCard alice = TestCards.NewCard(new ProbeLog());
        attachment.Attach(0, alice, "alice", new VpcdSlotOptions { ReconnectInitialDelay = TimeSpan.FromSeconds(1) });

        ArgumentException slotTaken = Assert.Throws<ArgumentException>(() => attachment.Attach(0, TestCards.NewCard(new ProbeLog()), "bob"));
        ArgumentException cardTaken = Assert.Throws<ArgumentException>(() => attachment.Attach(1, alice, "alice again"));

        Assert.Contains("slot 0 already holds alice", slotTaken.Message, StringComparison.Ordinal);
        Assert.Contains("already attached to slot 0", cardTaken.Message, StringComparison.Ordinal);
        Assert.Single(attachment.Bridges);
    }

    [Fact]
    public async Task A_stopped_session_attaches_nothing_more()
    {
        var attachment = new VpcdAttachment(basePort: 20_000);
        await attachment.StopAsync();

        Assert.Throws<ObjectDisposedException>(() => attachment.Attach(0, TestCards.NewCard(new ProbeLog()), "late"));
        await attachment.StopAsync();
    }

    [Fact]
    public async Task Slot_options_keep_their_own_port_and_interface()
    {
        using var vpcd = new FakeVpcd();
        // Slot 3 of this base port would be somewhere else; the slot's own port wins.
        await using var attachment = new VpcdAttachment(basePort: 20_000);

        VpcdBridge bridge = attachment.Attach(3, TestCards.NewCard(new ProbeLog()), "custom",
            new VpcdSlotOptions { Port = vpcd.Port, Interface = InterfaceProfile.Contactless });
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();

        Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), await reader.GetAtrAsync());
        Assert.Equal(3, bridge.Slot);
        Assert.Equal(vpcd.Port, bridge.Port);
    }
}
