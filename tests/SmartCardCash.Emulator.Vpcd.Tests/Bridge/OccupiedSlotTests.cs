using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

/// <summary>
/// A slot whose reader already holds another card (vsmartcard's vicc, say). vpcd serves one connection per slot and
/// only accepts the next when that one ends; it listens with a backlog of 0, so the kernel completes one more connection
/// that then waits, silent, and drops the handshakes after it. The fake here behaves the same way.
/// </summary>
public sealed class OccupiedSlotTests
{
    private static readonly TimeSpan OccupiedAfter = TimeSpan.FromMilliseconds(300);

    /// <summary>vpcd serving another card: a client connected and accepted, which the test holds.</summary>
    private static async Task<(FakeVpcd Vpcd, Socket OtherCard, FakeVpcdConnection Served)> VpcdServingAnotherCardAsync()
    {
        var vpcd = new FakeVpcd(backlog: 0);
        var otherCard = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await otherCard.ConnectAsync(new IPEndPoint(IPAddress.Loopback, vpcd.Port));
        FakeVpcdConnection served = await vpcd.AcceptAsync();
        return (vpcd, otherCard, served);
    }

    [Fact]
    public async Task A_slot_that_serves_another_card_is_occupied_not_inserted_and_the_card_goes_in_when_it_leaves()
    {
        (FakeVpcd vpcd, Socket otherCard, FakeVpcdConnection served) = await VpcdServingAnotherCardAsync();
        using (vpcd)
        {
            var logger = new ListLogger();
            var bridge = new VpcdBridge(0, TestCards.NewCard(new ProbeLog()), "alice",
                TestBridges.For(vpcd) with { OccupiedAfter = OccupiedAfter }, logger);
            RecordedEvents<VpcdSlotState> states = TestBridges.RecordStates(bridge);
            await using (bridge)
            {
                bridge.Start();
                await Eventually.StateAsync(bridge, VpcdSlotState.Occupied);
                Assert.Equal(1, logger.Count(LogLevel.Warning, "another card holds slot 0"));

                // The other card leaves: vpcd accepts the connection waiting in its queue, ours, and polls the card.
                served.Dispose();
                otherCard.Dispose();
                using FakeVpcdConnection ours = await vpcd.AcceptAsync();
                byte[] atr = await ours.GetAtrAsync();
                await Eventually.StateAsync(bridge, VpcdSlotState.Inserted);

                Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), atr);
                Assert.Equal([VpcdSlotState.Connecting, VpcdSlotState.Occupied, VpcdSlotState.Inserted], states.Events);
            }
        }
    }

    [Fact]
    public async Task A_slot_whose_vpcd_queue_is_full_is_occupied_too_not_unreachable()
    {
        (FakeVpcd vpcd, Socket otherCard, FakeVpcdConnection served) = await VpcdServingAnotherCardAsync();
        using (vpcd)
        using (otherCard)
        using (served)
        using (var waiting = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            // One connection already waits in vpcd's queue (a card attached earlier and since gone): the queue is full.
            await waiting.ConnectAsync(new IPEndPoint(IPAddress.Loopback, vpcd.Port));
            var bridge = new VpcdBridge(0, TestCards.NewCard(new ProbeLog()), "alice",
                TestBridges.For(vpcd) with { OccupiedAfter = OccupiedAfter });
            RecordedEvents<VpcdSlotState> states = TestBridges.RecordStates(bridge);
            await using (bridge)
            {
                bridge.Start();
                await Eventually.StateAsync(bridge, VpcdSlotState.Occupied);

                Assert.Equal(0, bridge.Statistics.Connects);
                Assert.Equal([VpcdSlotState.Connecting, VpcdSlotState.Occupied], states.Events);
            }
        }
    }

    [Fact]
    public async Task A_free_slot_is_inserted_at_vpcds_first_poll_not_at_the_tcp_connect()
    {
        using var vpcd = new FakeVpcd(backlog: 0);
        var bridge = new VpcdBridge(0, TestCards.NewCard(new ProbeLog()), "alice", TestBridges.For(vpcd));
        RecordedEvents<VpcdSlotState> states = TestBridges.RecordStates(bridge);
        await using (bridge)
        {
            bridge.Start();
            using FakeVpcdConnection reader = await vpcd.AcceptAsync();
            await Eventually.HoldsAsync(() => bridge.Statistics.Connects == 1, "the TCP connection");
            VpcdSlotState beforePoll = bridge.State;
            await reader.GetAtrAsync();
            await Eventually.StateAsync(bridge, VpcdSlotState.Inserted);

            Assert.Equal(VpcdSlotState.Connecting, beforePoll);
            Assert.Equal([VpcdSlotState.Connecting, VpcdSlotState.Inserted], states.Events);
        }
    }
}
