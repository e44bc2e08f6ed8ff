using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>The events of <see cref="PcscMonitor"/>, behind an interface so tests can raise them.</summary>
internal interface IReaderMonitor : IDisposable
{
    event EventHandler<PcscReaderEventArgs>? ReaderAttached;

    event EventHandler<PcscReaderEventArgs>? ReaderDetached;

    event EventHandler<PcscCardEventArgs>? CardInserted;

    event EventHandler<PcscCardEventArgs>? CardRemoved;

    event EventHandler<PcscServiceEventArgs>? ServiceUnavailable;

    event EventHandler<PcscServiceEventArgs>? ServiceAvailable;

    event EventHandler<PcscMonitorErrorEventArgs>? MonitorError;

    /// <summary>Starts watching; reports what is already there first.</summary>
    void Start();

    /// <summary>Stops watching; once it returns, no further event is raised.</summary>
    void Stop();
}
