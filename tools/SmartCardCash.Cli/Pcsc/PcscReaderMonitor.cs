using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>Forwards the events of a <see cref="PcscMonitor"/>, which it owns.</summary>
internal sealed class PcscReaderMonitor(PcscMonitor monitor) : IReaderMonitor
{
    public event EventHandler<PcscReaderEventArgs>? ReaderAttached
    {
        add => monitor.ReaderAttached += value;
        remove => monitor.ReaderAttached -= value;
    }

    public event EventHandler<PcscReaderEventArgs>? ReaderDetached
    {
        add => monitor.ReaderDetached += value;
        remove => monitor.ReaderDetached -= value;
    }

    public event EventHandler<PcscCardEventArgs>? CardInserted
    {
        add => monitor.CardInserted += value;
        remove => monitor.CardInserted -= value;
    }

    public event EventHandler<PcscCardEventArgs>? CardRemoved
    {
        add => monitor.CardRemoved += value;
        remove => monitor.CardRemoved -= value;
    }

    public event EventHandler<PcscServiceEventArgs>? ServiceUnavailable
    {
        add => monitor.ServiceUnavailable += value;
        remove => monitor.ServiceUnavailable -= value;
    }

    public event EventHandler<PcscServiceEventArgs>? ServiceAvailable
    {
        add => monitor.ServiceAvailable += value;
        remove => monitor.ServiceAvailable -= value;
    }

    public event EventHandler<PcscMonitorErrorEventArgs>? MonitorError
    {
        add => monitor.MonitorError += value;
        remove => monitor.MonitorError -= value;
    }

    public void Start() => monitor.Start();

    public void Stop() => monitor.Stop();

    public void Dispose() => monitor.Dispose();
}
