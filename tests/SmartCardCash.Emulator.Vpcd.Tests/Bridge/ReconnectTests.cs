using Microsoft.Extensions.Logging;

namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class ReconnectTests
{
    [Fact]
    public async Task The_bridge_keeps_trying_until_vpcd_listens_and_says_so_once_in_the_log()
    {
        using var vpcd = new FakeVpcd();
        vpcd.Stop();
        var logger = new ListLogger();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd), logger);
        await Eventually.HoldsAsync(() => logger.Count(LogLevel.Debug, "still cannot reach vpcd") >= 3, "several failed connection attempts");
        Assert.Equal(VpcdSlotState.Connecting, bridge.State);

        vpcd.Start();
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();
        byte[] atr = await reader.GetAtrAsync();

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), atr);
        Assert.Equal(1, logger.Count(LogLevel.Warning, "cannot reach vpcd"));
        Assert.Equal(1, bridge.Statistics.Connects);
        await Eventually.StateAsync(bridge, VpcdSlotState.Inserted);
    }

    [Fact]
    public async Task When_vpcd_restarts_the_card_comes_back_powered_off_with_its_persistent_state()
    {
        var log = new ProbeLog();
        using var vpcd = new FakeVpcd();
        var logger = new ListLogger();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(log), TestBridges.For(vpcd), logger);
        FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();
        Assert.Equal(StatusWord.Success, (await reader.TransmitAsync(TestCards.Increment)).StatusWord);

        vpcd.Stop();
        await Eventually.HoldsAsync(() => bridge.Statistics.Disconnects == 1, "the bridge noticing vpcd went away");
        vpcd.Start();
        using FakeVpcdConnection again = await vpcd.AcceptPoweredAsync();
        ResponseApdu unselected = await again.TransmitAsync(TestCards.Session);
        await again.SelectCounterAsync();
        ResponseApdu read = await again.TransmitAsync(TestCards.Read);

        Assert.Equal(StatusWord.InstructionNotSupported, unselected.StatusWord);
        Assert.Equal(1u, TestCards.CounterFrom(read));
        Assert.Equal(2, bridge.Statistics.Connects);
        Assert.Equal(1, logger.Count(LogLevel.Warning, "vpcd dropped the connection"));
        // The card was powered off when the reader went away: deselect ran before the second session's power-up.
        Assert.Equal(["created", "select", "deselect", "created", "select"], log.Events);
    }

    [Fact]
    public async Task When_vpcd_closes_the_connection_the_bridge_connects_again()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using (FakeVpcdConnection reader = await vpcd.AcceptAsync())
        {
            Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), await reader.GetAtrAsync());
        }

        using FakeVpcdConnection again = await vpcd.AcceptAsync();

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), await again.GetAtrAsync());
        Assert.Equal(2, bridge.Statistics.Connects);
        Assert.Equal(1, bridge.Statistics.Disconnects);
    }
}
