using SmartCardCash.Emulator.Images;
using SmartCardCash.Emulator.Tests.Images;
using SmartCardCash.Integration.Tests.Infrastructure;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Monitoring;
using Xunit.Abstractions;

namespace SmartCardCash.Emulator.Vpcd.Tests.Integration;

/// <summary>
/// Emulated cards attached through the bridge to a real (private) pcscd with Debian's vpcd driver, used through the
/// PC/SC layer like any other program would.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class PcscdBridgeTests : IAsyncLifetime
{
    private const string Slot0 = PcscdFixture.ReaderSlot0;
    private const string Slot1 = PcscdFixture.ReaderSlot1;

    private readonly PcscdFixture _fixture;
    private readonly TestOutputLogger _logger;
    private readonly TemporaryDirectory _directory = new();

    public PcscdBridgeTests(PcscdFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _logger = new TestOutputLogger(output);
    }

    private PrivatePcscd Pcscd => _fixture.Required;

    /// <summary>
    /// Starts from two empty readers: a test before may have stopped pcscd, and pcscd notices a card that left at its
    /// next presence poll, so the previous test's card may still be listed for a moment.
    /// </summary>
    public async Task InitializeAsync()
    {
        if (_fixture.Pcscd is not { } pcscd)
        {
            return;
        }
        pcscd.Start();
        await PcscReaders.WaitAsync(
            r => PcscReaders.Find(r, Slot0) is { IsCardPresent: false } && PcscReaders.Find(r, Slot1) is { IsCardPresent: false },
            "two empty vpcd readers");
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [PcscdFact]
    public async Task Two_attached_cards_are_listed_in_their_readers_with_their_ATRs_and_leave_when_stopped()
    {
        await using var attachment = new VpcdAttachment(basePort: Pcscd.VpcdPort, loggerFactory: _logger);
        attachment.Attach(0, TestCards.NewCard(new ProbeLog(), InterfaceProfile.ContactT1), "alice");
        attachment.Attach(1, TestCards.NewCard(new ProbeLog(), InterfaceProfile.Contactless), "bob");

        IReadOnlyList<PcscReaderStatus> readers = await PcscReaders.WaitAsync(
            r => PcscReaders.HasCard(r, Slot0) && PcscReaders.HasCard(r, Slot1), "both cards appearing");
        await attachment.StopAsync();
        IReadOnlyList<PcscReaderStatus> after = await PcscReaders.WaitAsync(
            r => PcscReaders.Find(r, Slot0) is { IsCardPresent: false } && PcscReaders.Find(r, Slot1) is { IsCardPresent: false },
            "both cards leaving");

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), PcscReaders.Find(readers, Slot0)!.Atr.ToArray());
        Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), PcscReaders.Find(readers, Slot1)!.Atr.ToArray());
        // The readers stay; only the cards left.
        Assert.Equal(2, after.Count(r => r.ReaderName is Slot0 or Slot1));
    }

    [PcscdFact]
    public async Task The_monitor_sees_the_card_inserted_on_attach_and_removed_on_detach()
    {
        var inserted = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var monitor = new PcscMonitor();
        monitor.CardInserted += (_, e) =>
        {
            if (e.ReaderName == Slot0)
            {
                inserted.TrySetResult(e.Atr.ToArray());
            }
        };
        monitor.CardRemoved += (_, e) =>
        {
            if (e.ReaderName == Slot0 && inserted.Task.IsCompleted)
            {
                removed.TrySetResult();
            }
        };
        monitor.Start();
        await Eventually.HoldsAsync(() => monitor.Readers.Any(r => r.ReaderName == Slot0), "the monitor seeing reader 00 00");

        var bridge = new VpcdBridge(0, TestCards.NewCard(new ProbeLog(), InterfaceProfile.ContactT0), "alice",
            new VpcdSlotOptions { Port = Pcscd.VpcdPort }, _logger);
        bridge.Start();
        byte[] atr = await inserted.Task.WaitAsync(Eventually.Patience);
        await bridge.DetachWithinPatienceAsync();
        await removed.Task.WaitAsync(Eventually.Patience);

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT0), atr);
        Assert.Equal(VpcdSlotState.Detached, bridge.State);
    }

    [PcscdFact]
    public async Task APDUs_through_PCSC_reach_the_emulated_card_and_its_image_is_saved()
    {
        var store = new CardImageStore(_directory.Path);
        var log = new ProbeLog();
        VpcdBridge bridge;
        await using (var attachment = new VpcdAttachment(basePort: Pcscd.VpcdPort, loggerFactory: _logger))
        {
            bridge = attachment.Attach(0, TestCards.NewStoredCard(store, "alice", log));
            await PcscReaders.WaitAsync(r => PcscReaders.HasCard(r, Slot0), "alice appearing");
            using PcscContext context = PcscContext.Establish();
            using PcscCard card = await PcscReaders.ConnectAsync(context, Slot0);

            ResponseApdu select = card.Send(CounterApplet.SelectHex);
            ResponseApdu first = card.Send(TestCards.Increment);
            ResponseApdu second = card.Send(TestCards.Increment);
            ResponseApdu read = card.Send(TestCards.Read);

            Assert.Equal(StatusWord.Success, select.StatusWord);
            Assert.Equal(new byte[] { 0, 0, 0, 1 }, first.Data.ToArray());
            Assert.Equal(new byte[] { 0, 0, 0, 2 }, second.Data.ToArray());
            Assert.Equal(2u, TestCards.CounterFrom(read));
            Assert.Equal(2u, TestCards.CounterInImage(store, "alice"));
        }

        Assert.True(bridge.Statistics.ApdusForwarded >= 4);
        Assert.True(bridge.Statistics.PowerUps >= 1);
        Assert.True(bridge.Statistics.AtrRequests >= 1);
        // The attachment released the image: it opens again, with the counter as the card left it.
        using StoredCard reopened = store.Open("alice", TestCards.Catalog(log));
        Assert.Equal(2u, TestCards.CounterOf(reopened.Card));
    }

    [PcscdFact]
    public async Task A_T0_card_answers_61xx_through_PCSC_and_the_host_pipeline_completes_it()
    {
        await using var attachment = new VpcdAttachment(basePort: Pcscd.VpcdPort, loggerFactory: _logger);
        attachment.Attach(0, TestCards.NewCard(new ProbeLog(), InterfaceProfile.ContactT0), "t0");
        await PcscReaders.WaitAsync(r => PcscReaders.HasCard(r, Slot0), "the T=0 card appearing");
        using PcscContext context = PcscContext.Establish();
        using PcscCard card = await PcscReaders.ConnectAsync(context, Slot0);
        Assert.Equal(StatusWord.Success, card.Send(CounterApplet.SelectHex).StatusWord);

        // CLA 00: the pipeline's GET RESPONSE reuses the command's CLA, and the runtime answers GET RESPONSE on CLA 0X only.
        ResponseApdu raw = card.Send("0030000003AABBCC00");
        ResponseApdu complete = new ApduPipeline(card).Transmit(CommandApdu.ParseHex("0030000003AABBCC00"));

        Assert.Equal(new StatusWord(0x6103), raw.StatusWord);
        Assert.Equal(StatusWord.Success, complete.StatusWord);
        Assert.Equal(Hex.Decode("AABBCC"), complete.Data.ToArray());
    }

    [PcscdFact]
    public async Task A_contactless_slot_shows_the_pseudo_ATR_answers_FF_CA_and_the_applet_sees_contactless()
    {
        EmulatedCard contactless = TestCards.NewCard(new ProbeLog(), InterfaceProfile.ContactT1);
        byte[] uid = contactless.Profile.Uid.ToArray();
        await using var attachment = new VpcdAttachment(basePort: Pcscd.VpcdPort, loggerFactory: _logger);
        attachment.Attach(1, contactless, "dual", new VpcdSlotOptions { Interface = InterfaceProfile.Contactless });
        IReadOnlyList<PcscReaderStatus> readers = await PcscReaders.WaitAsync(r => PcscReaders.HasCard(r, Slot1), "the contactless card appearing");
        using PcscContext context = PcscContext.Establish();
        using PcscCard card = await PcscReaders.ConnectAsync(context, Slot1);

        ResponseApdu getUid = card.Send("FFCA000000");
        Assert.Equal(StatusWord.Success, card.Send(CounterApplet.SelectHex).StatusWord);
        ResponseApdu seenInterface = card.Send(TestCards.Interface);

        Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), PcscReaders.Find(readers, Slot1)!.Atr.ToArray());
        Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), card.Atr.ToArray());
        Assert.Equal(StatusWord.Success, getUid.StatusWord);
        Assert.Equal(uid, getUid.Data.ToArray());
        Assert.Equal(new byte[] { 0x01 }, seenInterface.Data.ToArray());
    }

    [PcscdFact]
    public Task Tearing_before_the_commit_record_removes_the_card_mid_command_and_it_returns_with_the_state_before() =>
        TearMidCommandAsync(writeIndex: 0, expectedCounter: 1);

    [PcscdFact]
    public Task Tearing_after_the_commit_record_removes_the_card_mid_command_and_it_returns_with_the_state_after() =>
        TearMidCommandAsync(writeIndex: 3, expectedCounter: 2);

    [PcscdFact]
    public async Task When_pcscd_restarts_during_an_attachment_the_cards_come_back()
    {
        await using var attachment = new VpcdAttachment(basePort: Pcscd.VpcdPort, loggerFactory: _logger);
        VpcdBridge alice = attachment.Attach(0, TestCards.NewCard(new ProbeLog()), "alice");
        VpcdBridge bob = attachment.Attach(1, TestCards.NewCard(new ProbeLog(), InterfaceProfile.Contactless), "bob");
        await PcscReaders.WaitAsync(r => PcscReaders.HasCard(r, Slot0) && PcscReaders.HasCard(r, Slot1), "both cards appearing");

        Pcscd.Restart();
        IReadOnlyList<PcscReaderStatus> readers = await PcscReaders.WaitAsync(
            r => PcscReaders.HasCard(r, Slot0) && PcscReaders.HasCard(r, Slot1), "both cards coming back after the restart");
        using PcscContext context = PcscContext.Establish();
        using PcscCard aliceCard = await PcscReaders.ConnectAsync(context, Slot0);
        using PcscCard bobCard = await PcscReaders.ConnectAsync(context, Slot1);

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), PcscReaders.Find(readers, Slot0)!.Atr.ToArray());
        Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), PcscReaders.Find(readers, Slot1)!.Atr.ToArray());
        Assert.Equal(StatusWord.Success, aliceCard.Send(CounterApplet.SelectHex).StatusWord);
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, aliceCard.Send(TestCards.Increment).Data.ToArray());
        Assert.Equal(StatusWord.Success, bobCard.Send("FFCA000000").StatusWord);
        Assert.True(alice.Statistics.Connects >= 2, $"alice connected {alice.Statistics.Connects} times");
        Assert.True(bob.Statistics.Connects >= 2, $"bob connected {bob.Statistics.Connects} times");
        Assert.Equal(VpcdSlotState.Inserted, alice.State);
    }

    /// <summary>
    /// Increments once, then tears the next increment at <paramref name="writeIndex"/> of its persistent writes: the
    /// host's transmit fails, pcscd sees the card go, the slot puts it back, and the counter is what recovery decided.
    /// </summary>
    private async Task TearMidCommandAsync(int writeIndex, uint expectedCounter)
    {
        EmulatedCard emulated = TestCards.NewCard(new ProbeLog());
        await using var attachment = new VpcdAttachment(basePort: Pcscd.VpcdPort, loggerFactory: _logger);
        var tears = new RecordedEvents<VpcdTearEventArgs>();
        attachment.Torn += (_, e) => tears.Add(e);
        // Longer than pcscd's 400 ms presence poll, so pcscd sees the card gone before it is back.
        VpcdBridge bridge = attachment.Attach(0, emulated, "torn", new VpcdSlotOptions { ReinsertAfterTear = TimeSpan.FromSeconds(1.5) });
        await PcscReaders.WaitAsync(r => PcscReaders.HasCard(r, Slot0), "the card appearing");
        using PcscContext context = PcscContext.Establish();
        CardRemovedException failure;
        using (PcscCard card = await PcscReaders.ConnectAsync(context, Slot0))
        {
            var pipeline = new ApduPipeline(card);
            Assert.Equal(StatusWord.Success, card.Send(CounterApplet.SelectHex).StatusWord);
            Assert.Equal(new byte[] { 0, 0, 0, 1 }, card.Send(TestCards.Increment).Data.ToArray());

            bridge.ArmTearing(VpcdTearing.AtCommand(1, VpcdTearPoint.DuringCommand, writeIndex));
            // vpcd answers a card that vanished mid-command with an empty response; PcscCard watches the card's
            // status until pcscd's presence poll has seen it go, and reports the removal.
            failure = Assert.Throws<CardRemovedException>(() => pipeline.Transmit(CommandApdu.ParseHex(TestCards.Increment)));
            // Once pcscd's presence poll has seen the card go, the old connection reports the removal.
            await Eventually.HoldsAsync(() => IsRemoved(card), "pcscd reporting the card removed on the old connection");
        }
        await Eventually.HoldsAsync(() => bridge.Statistics.Connects >= 2 && bridge.State == VpcdSlotState.Inserted, "the card being put back");
        await PcscReaders.WaitAsync(r => PcscReaders.HasCard(r, Slot0), "the card back in reader 00 00");
        using PcscCard again = await PcscReaders.ConnectAsync(context, Slot0);
        Assert.Equal(StatusWord.Success, again.Send(CounterApplet.SelectHex).StatusWord);
        uint counter = TestCards.CounterFrom(again.Send(TestCards.Read));

        VpcdTearEventArgs tear = Assert.Single(tears.Events);
        Assert.True(tear.PowerLostAtWrite);
        Assert.Equal(expectedCounter, counter);
        Assert.Equal($"reader '{Slot0}': the card was removed during the command", failure.Message);
    }

    private static bool IsRemoved(PcscCard card)
    {
        try
        {
            card.Transmit(Hex.Decode(TestCards.Read));
            return false;
        }
        catch (CardRemovedException)
        {
            return true;
        }
        catch (SmartCardException)
        {
            return false;
        }
    }
}
