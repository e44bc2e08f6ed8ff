using SmartCardCash.Emulator.Images;
using SmartCardCash.Emulator.Tests.Images;

namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class ApduForwardingTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Commands_go_to_the_card_and_each_answer_is_reported_with_its_number()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = new(0, TestCards.NewCard(new ProbeLog()), "alice", TestBridges.For(vpcd));
        var exchanged = new RecordedEvents<VpcdApduEventArgs>();
        bridge.ApduExchanged += (_, e) => exchanged.Add(e);
        bridge.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();

        ResponseApdu select = await reader.TransmitAsync(CounterApplet.SelectHex);
        ResponseApdu first = await reader.TransmitAsync(TestCards.Increment);
        ResponseApdu second = await reader.TransmitAsync(TestCards.Increment);
        ResponseApdu read = await reader.TransmitAsync(TestCards.Read);

        Assert.Equal(StatusWord.Success, select.StatusWord);
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, first.Data.ToArray());
        Assert.Equal(new byte[] { 0, 0, 0, 2 }, second.Data.ToArray());
        Assert.Equal(2u, TestCards.CounterFrom(read));
        Assert.Equal(4, bridge.Statistics.ApdusForwarded);
        Assert.Equal(4, bridge.Statistics.ApdusReceived);
        IReadOnlyList<VpcdApduEventArgs> exchanges = exchanged.Events;
        Assert.Equal([1L, 2, 3, 4], exchanges.Select(e => e.ApduNumber));
        Assert.Equal(Hex.Decode(TestCards.Read), exchanges[3].Command.ToArray());
        Assert.Equal(read.ToBytes(), exchanges[3].Response.ToArray());
    }

    [Fact]
    public async Task A_stored_card_has_saved_its_image_before_the_answer_reaches_the_reader()
    {
        var store = new CardImageStore(_directory.Path);
        var log = new ProbeLog();
        using var vpcd = new FakeVpcd();
        using StoredCard alice = TestCards.NewStoredCard(store, "alice", log);
        await using VpcdBridge bridge = new(0, alice, TestBridges.For(vpcd));
        bridge.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();

        Assert.Equal(StatusWord.Success, (await reader.TransmitAsync(TestCards.Increment)).StatusWord);
        uint afterOne = TestCards.CounterInImage(store, "alice");
        Assert.Equal(StatusWord.Success, (await reader.TransmitAsync(TestCards.Increment)).StatusWord);
        uint afterTwo = TestCards.CounterInImage(store, "alice");

        Assert.Equal(1u, afterOne);
        Assert.Equal(2u, afterTwo);
        Assert.Equal("alice", bridge.CardName);
    }

    [Fact]
    public async Task On_a_T0_slot_a_case_4_command_answers_61xx_and_GET_RESPONSE_fetches_the_data()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog(), InterfaceProfile.ContactT0),
            TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();

        ResponseApdu echo = await reader.TransmitAsync("8030000003AABBCC00");
        ResponseApdu data = await reader.TransmitAsync("00C0000003");

        Assert.Equal(new StatusWord(0x6103), echo.StatusWord);
        Assert.Empty(echo.Data.ToArray());
        Assert.Equal(StatusWord.Success, data.StatusWord);
        Assert.Equal(Hex.Decode("AABBCC"), data.Data.ToArray());
    }

    [Fact]
    public async Task A_contactless_card_answers_the_UID_pseudo_APDU_and_its_applet_sees_the_contactless_interface()
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog(), InterfaceProfile.Contactless);
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(card, TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();

        ResponseApdu uid = await reader.TransmitAsync("FFCA000000");
        await reader.SelectCounterAsync();
        ResponseApdu seenInterface = await reader.TransmitAsync(TestCards.Interface);

        Assert.Equal(StatusWord.Success, uid.StatusWord);
        Assert.Equal(card.Profile.Uid.ToArray(), uid.Data.ToArray());
        Assert.Equal(new byte[] { 0x01 }, seenInterface.Data.ToArray());
    }

    [Fact]
    public async Task The_bridge_as_reader_answers_FF_CA_like_the_in_process_reader_and_leaves_pending_data_alone()
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog(), InterfaceProfile.Contactless);
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(card, TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();
        ResponseApdu firstPart = await reader.TransmitAsync("8030000004AABBCCDD02");

        ResponseApdu shortLe = await reader.TransmitAsync("FFCA000002");
        ResponseApdu historical = await reader.TransmitAsync("FFCA010000");
        ResponseApdu badP1 = await reader.TransmitAsync("FFCA020000");
        ResponseApdu badP2 = await reader.TransmitAsync("FFCA000100");
        ResponseApdu rest = await reader.TransmitAsync("00C0000002");

        Assert.Equal(new StatusWord(0x6102), firstPart.StatusWord);
        Assert.Equal(new StatusWord(0x6C, (byte)card.Profile.Uid.Length), shortLe.StatusWord);
        Assert.Equal(AnswerToReset.HistoricalBytes.ToArray(), historical.Data.ToArray());
        Assert.Equal(StatusWord.FunctionNotSupported, badP1.StatusWord);
        Assert.Equal(StatusWord.WrongP1P2, badP2.StatusWord);
        Assert.Equal(Hex.Decode("CCDD"), rest.Data.ToArray());
        Assert.Equal(StatusWord.Success, rest.StatusWord);
        // Every one of them went to the reader the card sits in and counts as a command of the slot.
        Assert.Equal(7, bridge.Statistics.ApdusForwarded);
    }

    [Fact]
    public async Task An_applet_fault_thrown_by_a_test_card_is_answered_6F00_and_the_slot_carries_on()
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog(), options: new EmulatedCardOptions
        {
            Random = new DeterministicCardRandom(1),
            ThrowOnAppletFault = true,
        });
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = new(0, card, "faulty", TestBridges.For(vpcd));
        var faults = new RecordedEvents<VpcdSlotFaultEventArgs>();
        bridge.Faulted += (_, e) => faults.Add(e);
        bridge.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();

        ResponseApdu failed = await reader.TransmitAsync("8070000000");
        ResponseApdu next = await reader.TransmitAsync(TestCards.Increment);

        Assert.Equal(StatusWord.NoPreciseDiagnosis, failed.StatusWord);
        Assert.Equal(StatusWord.Success, next.StatusWord);
        Assert.Equal(VpcdSlotState.Inserted, bridge.State);
        VpcdSlotFaultEventArgs fault = Assert.Single(faults.Events);
        Assert.False(fault.SlotStopped);
        Assert.IsType<AppletFaultException>(fault.Exception);
    }

    [Fact]
    public async Task A_card_image_that_cannot_be_saved_stops_the_slot_with_the_card_out_of_the_reader()
    {
        var store = new CardImageStore(_directory.Path);
        using var vpcd = new FakeVpcd();
        using StoredCard alice = TestCards.NewStoredCard(store, "alice", new ProbeLog());
        var logger = new ListLogger();
        await using VpcdBridge bridge = new(0, alice, TestBridges.For(vpcd), logger);
        var faults = new RecordedEvents<VpcdSlotFaultEventArgs>();
        bridge.Faulted += (_, e) => faults.Add(e);
        bridge.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();

        // The image folder disappears: the next save fails.
        Directory.Delete(_directory.Path, recursive: true);
        byte[]? answer = await reader.TransmitAsync(Hex.Decode(TestCards.Increment));

        Assert.Null(answer);
        await Eventually.StateAsync(bridge, VpcdSlotState.Faulted);
        // The slot moves to Faulted first; its fault event and its completion follow on the slot's own thread.
        await bridge.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        VpcdSlotFaultEventArgs fault = Assert.Single(faults.Events);
        Assert.True(fault.SlotStopped);
        Assert.IsAssignableFrom<IOException>(fault.Exception);
        Assert.Equal(1, logger.Count(Microsoft.Extensions.Logging.LogLevel.Error, "stopped by an error"));
        Assert.False(await vpcd.ConnectsWithinAsync(TimeSpan.FromMilliseconds(500)), "a faulted slot must not reconnect");
    }
}
