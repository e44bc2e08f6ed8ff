using Microsoft.Extensions.Logging;

namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

internal static class TestBridges
{
    /// <summary>Options for a bridge to <paramref name="vpcd"/> with short reconnect delays.</summary>
    public static VpcdSlotOptions For(FakeVpcd vpcd) => new()
    {
        Port = vpcd.Port,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    public static VpcdBridge Start(EmulatedCard card, VpcdSlotOptions options, ILogger? logger = null)
    {
        var bridge = new VpcdBridge(0, card, "test card", options, logger);
        bridge.Start();
        return bridge;
    }

    /// <summary>Records the states <paramref name="bridge"/> goes through, from now on.</summary>
    public static RecordedEvents<VpcdSlotState> RecordStates(VpcdBridge bridge)
    {
        var states = new RecordedEvents<VpcdSlotState>();
        bridge.StateChanged += (_, e) => states.Add(e.Current);
        return states;
    }

    /// <summary>Detaches, bounded by the patience so a hang fails the test instead of blocking the run.</summary>
    public static Task DetachWithinPatienceAsync(this VpcdBridge bridge) => bridge.DetachAsync().WaitAsync(Eventually.Patience);
}
