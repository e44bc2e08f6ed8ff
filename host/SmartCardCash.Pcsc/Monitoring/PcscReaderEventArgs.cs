namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>A reader was attached or detached.</summary>
public sealed class PcscReaderEventArgs(string readerName, PcscMonitorEventCause cause) : EventArgs
{
    public string ReaderName { get; } = readerName;

    public PcscMonitorEventCause Cause { get; } = cause;
}
