namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class TearingTests
{
    [Fact]
    public async Task Before_command_N_the_command_never_reaches_the_card_and_the_connection_drops()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = StartRecording(vpcd, VpcdTearing.AtCommand(3, VpcdTearPoint.BeforeCommand),
            out RecordedEvents<VpcdTearEventArgs> tears);
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();

        ResponseApdu select = await reader.TransmitAsync(CounterApplet.SelectHex);
        ResponseApdu first = await reader.TransmitAsync(TestCards.Increment);
        byte[]? third = await reader.TransmitAsync(Hex.Decode(TestCards.Increment));

        Assert.Equal(StatusWord.Success, select.StatusWord);
        Assert.Equal(StatusWord.Success, first.StatusWord);
        Assert.Null(third);
        await Eventually.StateAsync(bridge, VpcdSlotState.Removed);
        VpcdTearEventArgs tear = Assert.Single(tears.Events);
        Assert.Equal(3, tear.ApduNumber);
        Assert.Equal(VpcdTearPoint.BeforeCommand, tear.Point);
        Assert.False(tear.PowerLostAtWrite);
        Assert.Equal(Hex.Decode(TestCards.Increment), tear.Command.ToArray());
        Assert.Equal(2, bridge.Statistics.ApdusForwarded);
        Assert.Equal(3, bridge.Statistics.ApdusReceived);
        Assert.Equal(1, bridge.Statistics.Tears);
        await bridge.DetachWithinPatienceAsync();
        Assert.Equal(1u, TestCards.CounterOf(bridge.Card));
    }

    [Theory]
    [InlineData(0, 1u)] // first journal entry: nothing committed
    [InlineData(1, 1u)] // second journal entry
    [InlineData(3, 2u)] // first apply, after the commit record: recovery finishes the transaction
    [InlineData(4, 2u)]
    [InlineData(5, 2u)] // clearing the commit record
    public async Task During_command_N_power_is_lost_at_the_chosen_write_and_recovery_decides_before_or_after(
        int writeIndex, uint expectedCounter)
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = StartRecording(vpcd, VpcdTearing.AtCommand(3, VpcdTearPoint.DuringCommand, writeIndex),
            out RecordedEvents<VpcdTearEventArgs> tears);
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();

        byte[]? torn = await SelectAndIncrementTwiceAsync(reader);

        Assert.Null(torn);
        await Eventually.StateAsync(bridge, VpcdSlotState.Removed);
        VpcdTearEventArgs tear = Assert.Single(tears.Events);
        Assert.Equal(VpcdTearPoint.DuringCommand, tear.Point);
        Assert.True(tear.PowerLostAtWrite);
        Assert.Equal(3, bridge.Statistics.ApdusForwarded);
        await bridge.DetachWithinPatienceAsync();
        Assert.False(bridge.Card.IsPowered);
        Assert.Equal(expectedCounter, TestCards.CounterOf(bridge.Card));
        Assert.Same(Memory.TearingPlan.Never, bridge.Card.Tearing);
    }

    [Fact]
    public async Task During_a_command_with_fewer_writes_than_the_index_power_is_lost_before_the_answer()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = StartRecording(vpcd, VpcdTearing.AtCommand(3, VpcdTearPoint.DuringCommand, writeIndex: 6),
            out RecordedEvents<VpcdTearEventArgs> tears);
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();

        byte[]? torn = await SelectAndIncrementTwiceAsync(reader);

        Assert.Null(torn);
        VpcdTearEventArgs tear = Assert.Single(tears.Events);
        Assert.False(tear.PowerLostAtWrite);
        await bridge.DetachWithinPatienceAsync();
        Assert.Equal(2u, TestCards.CounterOf(bridge.Card));
    }

    [Fact]
    public async Task After_the_response_to_command_N_the_answer_arrives_and_then_the_card_is_removed()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = StartRecording(vpcd, VpcdTearing.AtCommand(2, VpcdTearPoint.AfterResponse),
            out RecordedEvents<VpcdTearEventArgs> tears);
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();

        ResponseApdu second = await reader.TransmitAsync(TestCards.Increment);

        Assert.Equal(new byte[] { 0, 0, 0, 1 }, second.Data.ToArray());
        Assert.True(await reader.IsClosedByCardAsync());
        VpcdTearEventArgs tear = Assert.Single(tears.Events);
        Assert.Equal(VpcdTearPoint.AfterResponse, tear.Point);
        Assert.Equal(2, tear.ApduNumber);
        await bridge.DetachWithinPatienceAsync();
        Assert.Equal(1u, TestCards.CounterOf(bridge.Card));
    }

    [Fact]
    public async Task A_torn_card_is_put_back_by_itself_after_the_configured_delay()
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog());
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(card, TestBridges.For(vpcd) with
        {
            Tearing = VpcdTearing.AtCommand(2, VpcdTearPoint.DuringCommand, writeIndex: 3),
            ReinsertAfterTear = TimeSpan.FromMilliseconds(50),
        });
        using (FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync())
        {
            await reader.SelectCounterAsync();
            Assert.Null(await reader.TransmitAsync(Hex.Decode(TestCards.Increment)));
        }

        using FakeVpcdConnection again = await vpcd.AcceptPoweredAsync();
        await again.SelectCounterAsync();
        ResponseApdu read = await again.TransmitAsync(TestCards.Read);

        // Write 3 comes after the commit record: the power-up replayed the transaction.
        Assert.Equal(1u, TestCards.CounterFrom(read));
        Assert.Equal(2, bridge.Statistics.Connects);
        Assert.Equal(VpcdSlotState.Inserted, bridge.State);
    }

    [Fact]
    public async Task Without_a_reinsertion_delay_a_torn_card_stays_out_until_inserted()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()),
            TestBridges.For(vpcd) with { Tearing = VpcdTearing.AtCommand(1, VpcdTearPoint.BeforeCommand) });
        using (FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync())
        {
            Assert.Null(await reader.TransmitAsync(Hex.Decode(CounterApplet.SelectHex)));
        }
        await Eventually.StateAsync(bridge, VpcdSlotState.Removed);

        bool cameBack = await vpcd.ConnectsWithinAsync(TimeSpan.FromMilliseconds(500));
        bridge.Insert();
        using FakeVpcdConnection again = await vpcd.AcceptPoweredAsync();
        ResponseApdu select = await again.TransmitAsync(CounterApplet.SelectHex);

        Assert.False(cameBack, "the card came back without Insert()");
        Assert.Equal(StatusWord.Success, select.StatusWord);
        Assert.Equal(1, bridge.Statistics.Tears);
    }

    [Fact]
    public async Task Tearing_armed_while_running_counts_from_the_next_command()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = StartRecording(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd),
            out RecordedEvents<VpcdTearEventArgs> tears);
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();
        Assert.Equal(StatusWord.Success, (await reader.TransmitAsync(TestCards.Increment)).StatusWord);

        bridge.ArmTearing(VpcdTearing.AtCommand(2, VpcdTearPoint.BeforeCommand));
        ResponseApdu first = await reader.TransmitAsync(TestCards.Read);
        byte[]? second = await reader.TransmitAsync(Hex.Decode(TestCards.Read));

        Assert.Equal(StatusWord.Success, first.StatusWord);
        Assert.Null(second);
        Assert.Equal(4, Assert.Single(tears.Events).ApduNumber);
        Assert.Equal(VpcdTearingKind.AtCommand, bridge.Tearing.Kind);
    }

    [Fact]
    public async Task The_same_seed_tears_the_same_commands_of_the_same_run()
    {
        RandomTearingRun first = await RunUnderRandomTearingAsync(seed: 11);
        RandomTearingRun again = await RunUnderRandomTearingAsync(seed: 11);
        RandomTearingRun other = await RunUnderRandomTearingAsync(seed: 12);

        Assert.NotEmpty(first.Tears);
        Assert.Equal(first.Tears, again.Tears);
        Assert.Equal(first.Counter, again.Counter);
        Assert.NotEqual(first.Tears, other.Tears);
        // Every acknowledged increment landed; a torn one may or may not have.
        Assert.InRange(first.Counter, first.Acknowledged, (uint)RandomRunIncrements);
    }

    private const int RandomRunIncrements = 20;

    /// <summary>A host that selects and increments <see cref="RandomRunIncrements"/> times, starting over after
    /// every tear (power on, select) as a terminal would. The same seed must give the same run.</summary>
    private static async Task<RandomTearingRun> RunUnderRandomTearingAsync(ulong seed)
    {
        EmulatedCard card = TestCards.NewCard(new ProbeLog());
        using var vpcd = new FakeVpcd();
        VpcdBridge bridge = StartRecording(card, TestBridges.For(vpcd) with
        {
            Tearing = VpcdTearing.Random(seed, 0.3),
            ReinsertAfterTear = TimeSpan.Zero,
        },
            out RecordedEvents<VpcdTearEventArgs> tears);
        uint acknowledged = 0;
        await using (bridge)
        {
            FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
            bool selected = false;
            int attempts = 0;
            while (attempts < RandomRunIncrements)
            {
                byte[] command = Hex.Decode(selected ? TestCards.Increment : CounterApplet.SelectHex);
                byte[]? answer = await reader.TransmitAsync(command);
                if (answer is null)
                {
                    reader.Dispose();
                    reader = await vpcd.AcceptPoweredAsync();
                    attempts += selected ? 1 : 0;
                    selected = false;
                    continue;
                }
                Assert.Equal(StatusWord.Success, ResponseApdu.Parse(answer).StatusWord);
                if (selected)
                {
                    acknowledged++;
                    attempts++;
                }
                selected = true;
            }
            reader.Dispose();
        }
        return new RandomTearingRun(tears.Events.Select(t => (t.ApduNumber, t.Point, t.PowerLostAtWrite)).ToList(),
            TestCards.CounterOf(card), acknowledged);
    }

    /// <summary>
    /// Commands 1 to 3: SELECT, an increment that must succeed, and a second increment, the one the tests tear; returns
    /// its answer (null when the connection dropped instead).
    /// </summary>
    private static async Task<byte[]?> SelectAndIncrementTwiceAsync(FakeVpcdConnection reader)
    {
        await reader.SelectCounterAsync();
        Assert.Equal(StatusWord.Success, (await reader.TransmitAsync(TestCards.Increment)).StatusWord);
        return await reader.TransmitAsync(Hex.Decode(TestCards.Increment));
    }

    /// <summary>A counter card in a bridge to <paramref name="vpcd"/> that tears as <paramref name="tearing"/> says.</summary>
    private static VpcdBridge StartRecording(FakeVpcd vpcd, VpcdTearing tearing, out RecordedEvents<VpcdTearEventArgs> tears) =>
        StartRecording(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd) with { Tearing = tearing }, out tears);

    private static VpcdBridge StartRecording(EmulatedCard card, VpcdSlotOptions options,
        out RecordedEvents<VpcdTearEventArgs> tears)
    {
        var bridge = new VpcdBridge(0, card, "torn", options);
        RecordedEvents<VpcdTearEventArgs> recorded = tears = new();
        bridge.Torn += (_, e) => recorded.Add(e);
        bridge.Start();
        return bridge;
    }
}
