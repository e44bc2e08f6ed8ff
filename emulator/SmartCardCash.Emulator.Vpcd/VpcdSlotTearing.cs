using System.Globalization;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// The tearing plan armed on a slot (<see cref="VpcdSlotOptions.Tearing"/>, then <see cref="VpcdBridge.ArmTearing"/>),
/// asked once per command APDU, and the report of each tear: counted, logged and raised as <see cref="VpcdBridge.Torn"/>.
/// </summary>
internal sealed class VpcdSlotTearing(VpcdBridge owner, VpcdTearing initial, TimeSpan? reinsertAfterTear, VpcdSlotCounters counters)
{
    private readonly Lock _gate = new();
    private VpcdTearDecider _decider = initial.CreateDecider();

    /// <summary>The tearing in force (the last armed).</summary>
    public VpcdTearing Tearing
    {
        get
        {
            lock (_gate)
            {
                return _decider.Tearing;
            }
        }
    }

    /// <summary>Replaces the plan; command numbers count from the next command. Thread-safe.</summary>
    public void Arm(VpcdTearing tearing)
    {
        lock (_gate)
        {
            _decider = tearing.CreateDecider();
        }
        VpcdLog.TearingArmed(owner.Logger, owner.Slot, owner.CardName, tearing);
    }

    /// <summary>Whether, and where, the next command APDU is torn.</summary>
    public VpcdTearAction? Next()
    {
        lock (_gate)
        {
            return _decider.Next();
        }
    }

    public void Report(long number, VpcdTearPoint point, bool powerLostAtWrite, byte[] command)
    {
        counters.Torn();
        string next = reinsertAfterTear is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"re-inserting after {after.TotalMilliseconds:0} ms")
            : "out until inserted";
        VpcdLog.Torn(owner.Logger, owner.Slot, owner.CardName, point, number, powerLostAtWrite, next);
        owner.RaiseTorn(new VpcdTearEventArgs(owner.Slot, number, point, powerLostAtWrite, command));
    }
}
