namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Detaching_closes_the_connection_powers_the_card_off_and_completes()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCard(log);
        using var vpcd = new FakeVpcd();
        VpcdBridge bridge = TestBridges.Start(card, TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();

        await bridge.DetachWithinPatienceAsync();

        Assert.True(await reader.IsClosedByCardAsync());
        Assert.Equal(VpcdSlotState.Detached, bridge.State);
        Assert.True(bridge.Completion.IsCompleted);
        Assert.False(card.IsPowered);
        Assert.Equal("deselect", log.Events[^1]);
        Assert.False(await vpcd.ConnectsWithinAsync(TimeSpan.FromMilliseconds(300)), "a detached slot must not reconnect");
    }

    [Fact]
    public async Task Detaching_while_vpcd_is_unreachable_completes()
    {
        using var vpcd = new FakeVpcd();
        vpcd.Stop();
        VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()),
            TestBridges.For(vpcd) with { ReconnectInitialDelay = TimeSpan.FromSeconds(30), ReconnectMaxDelay = TimeSpan.FromSeconds(30) });
        await Eventually.StateAsync(bridge, VpcdSlotState.Connecting);

        await bridge.DetachWithinPatienceAsync();

        Assert.Equal(VpcdSlotState.Detached, bridge.State);
    }

    [Fact]
    public async Task Detaching_a_removed_card_completes()
    {
        using var vpcd = new FakeVpcd();
        VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();
        bridge.Remove();
        await Eventually.StateAsync(bridge, VpcdSlotState.Removed);

        await bridge.DetachWithinPatienceAsync();

        Assert.Equal(VpcdSlotState.Detached, bridge.State);
    }

    [Fact]
    public async Task A_bridge_detached_before_it_started_cannot_start()
    {
        using var bridge = new VpcdBridge(0, TestCards.NewCard(new ProbeLog()), "never");

        await bridge.DetachWithinPatienceAsync();

        Assert.Equal(VpcdSlotState.Detached, bridge.State);
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(bridge.Start);
        Assert.Contains("already started or detached", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_twice_is_refused()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));

        Assert.Throws<InvalidOperationException>(bridge.Start);
    }

    [Fact]
    public async Task A_handler_may_detach_the_bridge_from_inside_an_event()
    {
        using var vpcd = new FakeVpcd();
        var bridge = new VpcdBridge(0, TestCards.NewCard(new ProbeLog()), "self-detaching", TestBridges.For(vpcd));
        bridge.ApduExchanged += (sender, _) => ((VpcdBridge)sender!).Dispose();
        bridge.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();

        byte[]? answer = await reader.TransmitAsync(Hex.Decode(CounterApplet.SelectHex));

        await bridge.Completion.WaitAsync(Eventually.Patience);
        Assert.Equal(VpcdSlotState.Detached, bridge.State);
        // The answer was already on its way or the connection closed; either way the slot ended.
        Assert.True(answer is null || ResponseApdu.Parse(answer).StatusWord == StatusWord.Success);
    }

    [Fact]
    public async Task A_throwing_handler_is_logged_and_the_slot_carries_on()
    {
        using var vpcd = new FakeVpcd();
        var logger = new ListLogger();
        await using var bridge = new VpcdBridge(0, TestCards.NewCard(new ProbeLog()), "robust", TestBridges.For(vpcd), logger);
        bridge.ApduExchanged += (_, _) => throw new InvalidOperationException("handler bug");
        bridge.StateChanged += (_, _) => throw new InvalidOperationException("handler bug");
        bridge.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();

        ResponseApdu select = await reader.TransmitAsync(CounterApplet.SelectHex);
        ResponseApdu increment = await reader.TransmitAsync(TestCards.Increment);

        Assert.Equal(StatusWord.Success, select.StatusWord);
        Assert.Equal(StatusWord.Success, increment.StatusWord);
        Assert.True(logger.Count(Microsoft.Extensions.Logging.LogLevel.Warning, "event handler threw") >= 3);
    }

    [Fact]
    public async Task Remove_takes_the_card_out_and_Insert_puts_it_back()
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog());
        using var vpcd = new FakeVpcd();
        await using var bridge = new VpcdBridge(0, card, "removable", TestBridges.For(vpcd));
        RecordedEvents<VpcdSlotState> states = TestBridges.RecordStates(bridge);
        bridge.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();

        bridge.Remove();
        bool closed = await reader.IsClosedByCardAsync();
        await Eventually.StateAsync(bridge, VpcdSlotState.Removed);
        bool poweredWhileOut = card.IsPowered;
        bridge.Insert();
        using FakeVpcdConnection again = await vpcd.AcceptAsync();
        // The card is in again once vpcd polls it on the new connection.
        byte[] atr = await again.GetAtrAsync();
        await Eventually.StateAsync(bridge, VpcdSlotState.Inserted);

        Assert.True(closed);
        Assert.False(poweredWhileOut);
        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), atr);
        Assert.Equal(
            [VpcdSlotState.Connecting, VpcdSlotState.Inserted, VpcdSlotState.Removed, VpcdSlotState.Connecting, VpcdSlotState.Inserted],
            states.Events);
    }

    [Fact]
    public void Invalid_arguments_are_refused_with_the_reason()
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog());

        Assert.Throws<ArgumentOutOfRangeException>(() => new VpcdBridge(-1, card));
        Assert.Throws<ArgumentNullException>(() => new VpcdBridge(0, (EmulatedCard)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VpcdBridge(0, card, options: new VpcdSlotOptions { Port = 70000 }));
        Assert.Throws<ArgumentException>(() => new VpcdBridge(0, card, options: new VpcdSlotOptions { Host = " " }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VpcdBridge(0, card, options: new VpcdSlotOptions
        {
            ReconnectInitialDelay = TimeSpan.FromSeconds(3),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        }));
        ArgumentOutOfRangeException slot = Assert.Throws<ArgumentOutOfRangeException>(() => new VpcdBridge(40_000, card));
        Assert.Contains("give VpcdSlotOptions.Port", slot.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_endpoint_is_vpcd_on_loopback_at_35963_plus_the_slot()
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog(), InterfaceProfile.ContactT0);

        using var slot0 = new VpcdBridge(0, card);
        using var slot1 = new VpcdBridge(1, card);

        Assert.Equal(("127.0.0.1", 35963), (slot0.Host, slot0.Port));
        Assert.Equal(35964, slot1.Port);
        Assert.Equal(InterfaceProfile.ContactT0, slot0.Interface);
        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT0), slot0.Atr.ToArray());
        Assert.Equal(VpcdSlotState.Created, slot0.State);
    }
}
