namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>The PC/SC service became unavailable (<see cref="Error"/> says why) or available again (no error).</summary>
public sealed class PcscServiceEventArgs(Exception? error) : EventArgs
{
    public Exception? Error { get; } = error;
}
