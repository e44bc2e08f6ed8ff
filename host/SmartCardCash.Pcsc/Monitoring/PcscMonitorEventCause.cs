namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>Why the monitor raised an attach, detach, insert or remove event.</summary>
public enum PcscMonitorEventCause
{
    /// <summary>PC/SC reported the change while the monitor was watching.</summary>
    Observed,

    /// <summary>The reader or card was already there when the monitor started.</summary>
    MonitorStarted,

    /// <summary>The PC/SC service went away, taking every reader and card with it.</summary>
    ServiceLost,

    /// <summary>The reader or card is there after the PC/SC service came back.</summary>
    ServiceRestored,
}
