namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>
/// Something went wrong that the monitor survived: an event handler threw (<see cref="IsHandlerFailure"/>), or
/// PC/SC returned an unexpected error and the monitor is reconnecting.
/// </summary>
public sealed class PcscMonitorErrorEventArgs(Exception exception, bool isHandlerFailure) : EventArgs
{
    public Exception Exception { get; } = exception;

    public bool IsHandlerFailure { get; } = isHandlerFailure;
}
