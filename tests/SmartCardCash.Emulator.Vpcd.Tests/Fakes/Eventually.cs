using System.Diagnostics;

namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>Waits for a condition with a generous bound (liveness only: no test asserts how fast anything is).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? patience = null) =>
        HoldsAsync(condition, () => what, patience);

    public static async Task HoldsAsync(Func<bool> condition, Func<string> what, TimeSpan? patience = null)
    {
        TimeSpan bound = patience ?? Patience;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > bound)
            {
                throw new TimeoutException($"{what()} did not happen within {bound.TotalSeconds:0} s");
            }
            await Task.Delay(20);
        }
    }

    public static Task StateAsync(VpcdBridge bridge, VpcdSlotState state) =>
        HoldsAsync(() => bridge.State == state, () => $"slot {bridge.Slot} reaching {state} (it is {bridge.State})");
}
