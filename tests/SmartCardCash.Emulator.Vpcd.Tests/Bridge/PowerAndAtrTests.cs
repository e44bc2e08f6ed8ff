namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class PowerAndAtrTests
{
    [Theory]
    [InlineData(InterfaceProfile.ContactT0)]
    [InlineData(InterfaceProfile.ContactT1)]
    [InlineData(InterfaceProfile.Contactless)]
    public async Task ATR_polls_answer_the_interface_ATR_without_powering_the_card(InterfaceProfile profile)
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCard(log, profile);
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(card, TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();

        byte[] first = await reader.GetAtrAsync();
        byte[] second = await reader.GetAtrAsync();

        Assert.Equal(AnswerToReset.For(profile), first);
        Assert.Equal(first, second);
        Assert.Equal(2, bridge.Statistics.AtrRequests);
        // No power-up happened: no applet instance was created and the card is still off.
        Assert.DoesNotContain("created", log.Events);
        Assert.False(card.IsPowered);
    }

    [Fact]
    public async Task The_slot_interface_overrides_the_card_profile_a_contact_card_in_a_contactless_slot()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCard(log, InterfaceProfile.ContactT1);
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(card,
            TestBridges.For(vpcd) with { Interface = InterfaceProfile.Contactless });
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();

        byte[] atr = await reader.GetAtrAsync();
        await reader.PowerOnAsync();
        ResponseApdu uid = await reader.TransmitAsync("FFCA000000");
        await reader.SelectCounterAsync();
        ResponseApdu seenInterface = await reader.TransmitAsync(TestCards.Interface);

        Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), atr);
        Assert.Equal(InterfaceProfile.Contactless, bridge.Interface);
        Assert.Equal(StatusWord.Success, uid.StatusWord);
        Assert.Equal(card.Profile.Uid.ToArray(), uid.Data.ToArray());
        Assert.Equal(new byte[] { 0x01 }, seenInterface.Data.ToArray());
    }

    [Fact]
    public async Task Power_off_ends_the_session_the_applet_is_deselected_and_transient_state_is_lost()
    {
        var log = new ProbeLog();
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(log), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await SelectAndCountInTheSessionAsync(reader);
        Assert.Equal(new byte[] { 2 }, (await reader.TransmitAsync(TestCards.Session)).Data.ToArray());

        await reader.PowerOffAsync();
        await reader.PowerOnAsync();

        await AssertANewSessionAsync(reader, log);
        Assert.Equal(2, bridge.Statistics.PowerUps);
        Assert.Equal(1, bridge.Statistics.PowerDowns);
    }

    [Fact]
    public async Task Reset_is_a_power_cycle_and_leaves_the_card_powered()
    {
        var log = new ProbeLog();
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(log), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await SelectAndCountInTheSessionAsync(reader);

        await reader.ResetAsync();
        byte[] atr = await reader.GetAtrAsync();

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), atr);
        await AssertANewSessionAsync(reader, log);
        Assert.Equal(1, bridge.Statistics.Resets);
    }

    /// <summary>Selects the counter applet and counts once in its transient session counter, which answers 1.</summary>
    private static async Task SelectAndCountInTheSessionAsync(FakeVpcdConnection reader)
    {
        await reader.SelectCounterAsync();
        Assert.Equal(new byte[] { 1 }, (await reader.TransmitAsync(TestCards.Session)).Data.ToArray());
    }

    /// <summary>
    /// After a power cycle: the applet is no longer selected (6D00), once selected again its transient session counter
    /// starts over, and the runtime deselected the old instance and created a new one.
    /// </summary>
    private static async Task AssertANewSessionAsync(FakeVpcdConnection reader, ProbeLog log)
    {
        ResponseApdu unselected = await reader.TransmitAsync(TestCards.Session);
        Assert.Equal(StatusWord.InstructionNotSupported, unselected.StatusWord);

        await SelectAndCountInTheSessionAsync(reader);
        Assert.Equal(["created", "select", "deselect", "created", "select"], log.Events);
    }

    [Fact]
    public async Task A_command_to_an_unpowered_card_powers_it_up_first()
    {
        var log = new ProbeLog();
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(log), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();

        ResponseApdu select = await reader.TransmitAsync(CounterApplet.SelectHex);

        Assert.Equal(StatusWord.Success, select.StatusWord);
        Assert.Equal(["created", "select"], log.Events);
    }

    [Fact]
    public async Task An_unknown_control_byte_is_ignored_and_the_connection_carries_on()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();

        await reader.SendAsync([0x03]);
        byte[] atr = await reader.GetAtrAsync();

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), atr);
        Assert.Equal(VpcdSlotState.Inserted, bridge.State);
        Assert.Equal(1, bridge.Statistics.Connects);
    }
}
