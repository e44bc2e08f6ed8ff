using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>
/// Watches PC/SC for readers being attached and detached and cards being inserted and removed, on a dedicated
/// background thread, and survives the PC/SC service stopping and starting again.
/// </summary>
/// <remarks>
/// <para><b>Events</b> are raised on the monitor thread, one at a time, in the order things happened, with no lock
/// held. A handler may call <see cref="Stop"/> or <see cref="Dispose"/> (the monitor then does not wait for its own
/// thread) and may read <see cref="Readers"/>. A handler that throws is reported through <see cref="MonitorError"/>
/// and the log; the monitor and the other subscribers carry on.</para>
/// <para><b>Start</b> reports what is already there: <see cref="ReaderAttached"/> for each reader and
/// <see cref="CardInserted"/> for each card present, with cause <see cref="PcscMonitorEventCause.MonitorStarted"/>.
/// Within one Start…Stop run subscribers always hold an accurate view: every attach is followed by exactly one
/// detach before the same reader attaches again, every insert by exactly one remove, and a card is only inserted
/// into an attached reader. A card swapped between two looks is reported as removed, then inserted.</para>
/// <para><b>Service loss</b>: when the service goes away (pcscd stopped, SCARD_E_NO_SERVICE, SERVICE_STOPPED,
/// INVALID_HANDLE, …) the monitor raises <see cref="ServiceUnavailable"/>, then <see cref="CardRemoved"/> and
/// <see cref="ReaderDetached"/> for everything it knew (cause <see cref="PcscMonitorEventCause.ServiceLost"/>),
/// releases the context and retries with exponential back-off. Once connected again it raises
/// <see cref="ServiceAvailable"/> and then attach/insert events for what is there now (cause
/// <see cref="PcscMonitorEventCause.ServiceRestored"/>). If the service is down at start, ServiceUnavailable is
/// raised once. Other unexpected errors are reported through <see cref="MonitorError"/>; the monitor reconnects and
/// reconciles, raising events only for real differences.</para>
/// <para><b>Stop</b> ends the run without synthesising removals; once it returns no further event is raised. A new
/// Start begins from an empty view. Start, Stop and Dispose are thread-safe and idempotent.</para>
/// <para>Reader hot-plug uses the \\?PnP?\Notification pseudo-reader where the platform supports it (pcsc-lite,
/// Windows); elsewhere the reader list is polled every <see cref="PcscMonitorOptions.ReaderPollInterval"/>.</para>
/// </remarks>
public sealed class PcscMonitor : IDisposable
{
    private readonly IPcscApi _api;
    private readonly PcscMonitorOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private MonitorLoop? _loop;
    private IReadOnlyList<PcscReaderStatus> _readers = [];
    private bool _disposed;

    public PcscMonitor(PcscMonitorOptions? options = null, ILogger? logger = null)
        : this(PcscApiFactory.Create(), options, logger)
    {
    }

    /// <summary>A monitor over <paramref name="api"/>: the native one, or a test's fake.</summary>
    public PcscMonitor(IPcscApi api, PcscMonitorOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _options = options ?? new PcscMonitorOptions();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>A reader appeared (or was there at start / after the service came back).</summary>
    public event EventHandler<PcscReaderEventArgs>? ReaderAttached;

    /// <summary>A reader went away (or the service did). Raised after the removal of its card.</summary>
    public event EventHandler<PcscReaderEventArgs>? ReaderDetached;

    /// <summary>A card was inserted (or was present at start / after the service came back).</summary>
    public event EventHandler<PcscCardEventArgs>? CardInserted;

    /// <summary>A card was removed (or its reader or the service went away).</summary>
    public event EventHandler<PcscCardEventArgs>? CardRemoved;

    /// <summary>The PC/SC service is not reachable; the monitor keeps retrying.</summary>
    public event EventHandler<PcscServiceEventArgs>? ServiceUnavailable;

    /// <summary>The PC/SC service is reachable again after <see cref="ServiceUnavailable"/>.</summary>
    public event EventHandler<PcscServiceEventArgs>? ServiceAvailable;

    /// <summary>A handler threw, or PC/SC failed unexpectedly; the monitor carries on.</summary>
    public event EventHandler<PcscMonitorErrorEventArgs>? MonitorError;

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _loop is not null;
            }
        }
    }

    /// <summary>The monitor's current view: attached readers, with card state and ATR. Empty when stopped.</summary>
    public IReadOnlyList<PcscReaderStatus> Readers
    {
        get
        {
            lock (_gate)
            {
                return _readers;
            }
        }
    }

    /// <summary>Starts monitoring on a new background thread. Does nothing if already running.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loop is not null)
            {
                return;
            }

            _readers = [];
            _loop = new MonitorLoop(this, _api, _options, _logger);
            _loop.Start();
        }
    }

    /// <summary>
    /// Stops monitoring. From another thread it waits (at most <see cref="PcscMonitorOptions.StopTimeout"/>) for the
    /// monitor thread to end; from an event handler it returns at once and the thread ends after the handler.
    /// </summary>
    public void Stop()
    {
        MonitorLoop? loop;
        lock (_gate)
        {
            loop = _loop;
            _loop = null;
            _readers = [];
        }

        if (loop is not null)
        {
            EndLoop(loop);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Stop();
    }

    internal void Publish(MonitorLoop loop, IReadOnlyList<PcscReaderStatus> readers)
    {
        lock (_gate)
        {
            if (ReferenceEquals(loop, _loop))
            {
                _readers = readers;
            }
        }
    }

    internal void OnReaderAttached(PcscReaderEventArgs e) => Invoke(ReaderAttached, e);

    internal void OnReaderDetached(PcscReaderEventArgs e) => Invoke(ReaderDetached, e);

    internal void OnCardInserted(PcscCardEventArgs e) => Invoke(CardInserted, e);

    internal void OnCardRemoved(PcscCardEventArgs e) => Invoke(CardRemoved, e);

    internal void OnServiceUnavailable(PcscServiceEventArgs e) => Invoke(ServiceUnavailable, e);

    internal void OnServiceAvailable(PcscServiceEventArgs e) => Invoke(ServiceAvailable, e);

    internal void OnMonitorError(PcscMonitorErrorEventArgs e) => Invoke(MonitorError, e);

    private void EndLoop(MonitorLoop loop)
    {
        loop.RequestStop();
        if (Thread.CurrentThread == loop.Thread)
        {
            // Called from a handler: joining our own thread would wait for ever.
            return;
        }

        if (!loop.Join(_options.StopTimeout))
        {
            PcscLog.StopTimedOut(_logger, _options.StopTimeout);
        }
    }

    /// <summary>Calls each subscriber on its own, so one failing handler does not starve the others.</summary>
    private void Invoke<T>(EventHandler<T>? handler, T e)
    {
        if (handler is null)
        {
            return;
        }

        foreach (var subscriber in handler.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                subscriber(this, e);
            }
            catch (Exception ex)
            {
                ReportHandlerFailure(ex, e is PcscMonitorErrorEventArgs);
            }
        }
    }

    private void ReportHandlerFailure(Exception exception, bool failedInErrorHandler)
    {
        PcscLog.HandlerFailed(_logger, exception);
        if (failedInErrorHandler || MonitorError is not { } errorHandler)
        {
            // An error handler that throws is only logged, or we would loop.
            return;
        }

        var args = new PcscMonitorErrorEventArgs(exception, isHandlerFailure: true);
        foreach (var subscriber in errorHandler.GetInvocationList().Cast<EventHandler<PcscMonitorErrorEventArgs>>())
        {
            try
            {
                subscriber(this, args);
            }
            catch (Exception ex)
            {
                PcscLog.HandlerFailed(_logger, ex);
            }
        }
    }
}
