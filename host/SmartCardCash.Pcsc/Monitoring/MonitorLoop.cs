using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SmartCardCash.Pcsc.Errors;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>
/// One Start…Stop run of a <see cref="PcscMonitor"/>: a dedicated background thread that owns a PC/SC context,
/// waits in SCardGetStatusChange and turns what it sees into events. Everything but <see cref="RequestStop"/> and
/// <see cref="Join"/> runs on that thread, so the reader table needs no lock; events are raised on it, in order,
/// with no lock held.
/// </summary>
internal sealed class MonitorLoop
{
    private const uint MaxTimeoutMilliseconds = 0xFFFF_FFFE;

    private readonly PcscMonitor _owner;
    private readonly IPcscApi _api;
    private readonly PcscMonitorOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _contextGate = new();
    private readonly List<MonitoredReader> _readers = [];
    private nint _context;
    private bool _hasContext;
    private PcscReaderState? _pnp;

    public MonitorLoop(PcscMonitor owner, IPcscApi api, PcscMonitorOptions options, ILogger logger)
    {
        _owner = owner;
        _api = api;
        _options = options;
        _logger = logger;
        Thread = new Thread(Run) { IsBackground = true, Name = "PC/SC reader monitor" };
    }

    public Thread Thread { get; }

    public bool IsStopRequested => _stop.IsCancellationRequested;

    public void Start() => Thread.Start();

    /// <summary>Asks the thread to stop and wakes it. Safe from any thread, including the monitor thread itself.</summary>
    public void RequestStop()
    {
        _stop.Cancel();
        WakeUp();
    }

    /// <summary>
    /// Waits for the thread to end. pcsc-lite ignores SCardCancel unless a wait is in progress, so a cancel that
    /// lands just before the thread starts waiting is lost; cancelling again on every slice covers that.
    /// </summary>
    public bool Join(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Thread.Join(TimeSpan.FromMilliseconds(100)))
        {
            if (clock.Elapsed >= timeout)
            {
                return false;
            }

            WakeUp();
        }

        return true;
    }

    private void WakeUp()
    {
        lock (_contextGate)
        {
            if (_hasContext)
            {
                _api.Cancel(_context);
            }
        }
    }

    private void Run()
    {
        PcscLog.MonitorStarted(_logger);
        var delay = _options.RetryInitialDelay;
        var serviceDown = false;
        var cause = PcscMonitorEventCause.MonitorStarted;
        while (!IsStopRequested)
        {
            PcscError failure;
            Exception? failureException = null;
            try
            {
                failure = EstablishContext();
                if (failure == PcscError.Success)
                {
                    if (serviceDown)
                    {
                        serviceDown = false;
                        PcscLog.ServiceRestored(_logger);
                        Raise(() => _owner.OnServiceAvailable(new PcscServiceEventArgs(null)));
                    }

                    delay = _options.RetryInitialDelay;
                    failure = Watch(cause);
                    if (failure == PcscError.Success)
                    {
                        break;
                    }
                }
            }
            catch (DllNotFoundException ex)
            {
                failure = PcscError.NoService;
                failureException = new Iso7816.Errors.CardServiceUnavailableException(
                    PcscApiFactory.MissingLibraryMessage(_api.Platform), ex);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug or an unexpected platform behaviour must not end the monitor: report, reconnect.
                failure = PcscError.InternalError;
                failureException = ex;
            }
            finally
            {
                ReleaseContext();
            }

            if (IsStopRequested)
            {
                break;
            }

            var error = failureException ?? PcscErrors.CreateException(failure, _api.Platform, false, null, null);
            if (failureException is not Iso7816.Errors.CardServiceUnavailableException && !IsServiceLoss(failure))
            {
                // The service is still there: keep what we know and reconcile against the next listing.
                PcscLog.MonitorError(_logger, error.Message);
                Raise(() => _owner.OnMonitorError(new PcscMonitorErrorEventArgs(error, isHandlerFailure: false)));
                cause = PcscMonitorEventCause.Observed;
            }
            else if (!serviceDown)
            {
                serviceDown = true;
                PcscLog.ServiceLost(_logger, error.Message);
                Raise(() => _owner.OnServiceUnavailable(new PcscServiceEventArgs(error)));
                DropAllReaders(PcscMonitorEventCause.ServiceLost);
                cause = PcscMonitorEventCause.ServiceRestored;
            }

            PcscLog.RetryingService(_logger, error.Message, delay);
            _stop.Token.WaitHandle.WaitOne(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
        }

        ReleaseContext();
        PcscLog.MonitorStopped(_logger);
    }

    /// <summary>Errors after which the context is gone for good and the service must be reached anew.</summary>
    internal static bool IsServiceLoss(PcscError error) => error is PcscError.NoService or PcscError.ServiceStopped
        or PcscError.InvalidHandle or PcscError.Win32InvalidHandle or PcscError.CommunicationError
        or PcscError.Shutdown or PcscError.Win32BrokenPipe;

    private PcscError EstablishContext()
    {
        var result = _api.EstablishContext(_options.Scope, out var context);
        if (result == PcscError.Success)
        {
            lock (_contextGate)
            {
                _context = context;
                _hasContext = true;
            }

            foreach (var reader in _readers)
            {
                reader.ResetForNewContext();
            }
        }

        return result;
    }

    private void ReleaseContext()
    {
        lock (_contextGate)
        {
            if (_hasContext)
            {
                _hasContext = false;
                _api.ReleaseContext(_context);
            }
        }
    }

    /// <summary>Watches until stopped (returns Success) or the context fails (returns the error).</summary>
    private PcscError Watch(PcscMonitorEventCause cause)
    {
        var result = DetectHotPlugSupport();
        if (result != PcscError.Success)
        {
            return result;
        }

        while (!IsStopRequested)
        {
            result = _api.ListReaders(_context, null, out var names);
            if (result == PcscError.NoReadersAvailable)
            {
                names = [];
            }
            else if (result != PcscError.Success)
            {
                return result;
            }

            ReconcileReaderList(names, cause);
            var states = _readers.Select(r => r.State).ToList();
            if (_pnp is not null)
            {
                states.Add(_pnp);
            }

            if (IsStopRequested)
            {
                break;
            }

            if (states.Count == 0)
            {
                // No reader and no hot-plug notification: nothing to wait on but the clock.
                _stop.Token.WaitHandle.WaitOne(_options.ReaderPollInterval);
                cause = PcscMonitorEventCause.Observed;
                continue;
            }

            var timeout = _pnp is not null ? _options.MaxWaitInterval : _options.ReaderPollInterval;
            result = _api.GetStatusChange(_context, ToMilliseconds(timeout), [.. states]);
            if (IsStopRequested)
            {
                break;
            }

            switch (result)
            {
                case PcscError.Success:
                case PcscError.Timeout:
                    var changed = ProcessStates(cause);
                    cause = PcscMonitorEventCause.Observed;
                    if (!changed && result == PcscError.Success)
                    {
                        // A platform that answers "changed" with nothing changed must not make us spin.
                        _stop.Token.WaitHandle.WaitOne(_options.ReaderPollInterval);
                    }

                    break;
                case PcscError.Cancelled:
                case PcscError.UnknownReader:
                case PcscError.ReaderUnavailable:
                    // Woken up, or the reader list moved under us: list again.
                    break;
                default:
                    return result;
            }
        }

        return PcscError.Success;
    }

    private PcscError DetectHotPlugSupport()
    {
        var pnp = new PcscReaderState(PcscReaderState.PnpNotificationReaderName);
        var result = _api.GetStatusChange(_context, 0, [pnp]);
        bool supported;
        if (result is PcscError.Success or PcscError.Timeout)
        {
            // Platforms without it report the special name as an unknown reader.
            supported = (pnp.EventState & PcscReaderStateFlags.Unknown) == 0;
        }
        else if (IsServiceLoss(result))
        {
            return result;
        }
        else
        {
            supported = false;
        }

        if (supported)
        {
            pnp.AcceptEventState();
        }

        _pnp = supported ? pnp : null;
        PcscLog.PnpSupport(_logger, supported);
        return PcscError.Success;
    }

    private void ReconcileReaderList(IReadOnlyList<string> names, PcscMonitorEventCause cause)
    {
        var present = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var gone in _readers.Where(r => !present.Contains(r.Name)).ToList())
        {
            DropReader(gone, PcscMonitorEventCause.Observed);
        }

        foreach (var name in names)
        {
            if (_readers.Exists(r => r.Name == name))
            {
                continue;
            }

            _readers.Add(new MonitoredReader(name));
            Publish();
            Raise(() => _owner.OnReaderAttached(new PcscReaderEventArgs(name, cause)));
        }
    }

    /// <summary>Turns the event states into card events. Returns whether any entry reported a change.</summary>
    private bool ProcessStates(PcscMonitorEventCause cause)
    {
        var anyChange = _pnp?.IsChanged ?? false;
        _pnp?.AcceptEventState();
        foreach (var reader in _readers.ToList())
        {
            var state = reader.State;
            anyChange |= state.IsChanged;
            var flags = state.EventState & ~PcscReaderStateFlags.Changed;
            if ((flags & PcscReaderStateFlags.Unknown) != 0)
            {
                // The reader is going away; the next listing drops it.
                state.AcceptEventState();
                continue;
            }

            var nowPresent = (flags & PcscReaderStateFlags.Present) != 0;
            var atr = state.Atr;
            var countMoved = reader.EventCountKnown && state.EventCount != reader.EventCount;
            var atrMoved = atr.Length > 0 && reader.Atr.Length > 0 && !atr.AsSpan().SequenceEqual(reader.Atr);
            reader.EventCount = state.EventCount;
            reader.EventCountKnown = true;
            state.AcceptEventState();

            if (reader.CardPresent && (!nowPresent || countMoved || atrMoved))
            {
                // Gone, or swapped for another card between two looks (the insert/remove counter moved).
                reader.CardPresent = false;
                reader.Flags = nowPresent ? flags & ~PcscReaderStateFlags.Present | PcscReaderStateFlags.Empty : flags;
                var oldAtr = reader.Atr;
                reader.Atr = [];
                Publish();
                Raise(() => _owner.OnCardRemoved(new PcscCardEventArgs(reader.Name, oldAtr, reader.Flags,
                    PcscMonitorEventCause.Observed)));
            }

            reader.Flags = flags;
            if (!reader.CardPresent && nowPresent)
            {
                reader.CardPresent = true;
                reader.Atr = atr;
                Publish();
                Raise(() => _owner.OnCardInserted(new PcscCardEventArgs(reader.Name, atr, flags, cause)));
            }
            else
            {
                if (reader.CardPresent && reader.Atr.Length == 0 && atr.Length > 0)
                {
                    // The ATR arrived after the card was reported (slow power-up).
                    reader.Atr = atr;
                }

                Publish();
            }
        }

        return anyChange;
    }

    private void DropAllReaders(PcscMonitorEventCause cause)
    {
        foreach (var reader in _readers.ToList())
        {
            DropReader(reader, cause);
        }
    }

    private void DropReader(MonitoredReader reader, PcscMonitorEventCause cause)
    {
        if (reader.CardPresent)
        {
            reader.CardPresent = false;
            var oldAtr = reader.Atr;
            reader.Atr = [];
            reader.Flags = PcscReaderStateFlags.Unavailable;
            Publish();
            Raise(() => _owner.OnCardRemoved(new PcscCardEventArgs(reader.Name, oldAtr, reader.Flags, cause)));
        }

        _readers.Remove(reader);
        Publish();
        Raise(() => _owner.OnReaderDetached(new PcscReaderEventArgs(reader.Name, cause)));
    }

    private void Publish() => _owner.Publish(this, [.. _readers.Select(r => r.ToStatus())]);

    /// <summary>Raises an event unless a stop was requested: after Stop, no further events reach subscribers.</summary>
    private void Raise(Action raise)
    {
        if (!IsStopRequested)
        {
            raise();
        }
    }

    private static uint ToMilliseconds(TimeSpan timeout) =>
        (uint)Math.Clamp((long)timeout.TotalMilliseconds, 0, MaxTimeoutMilliseconds);
}
