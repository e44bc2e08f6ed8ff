using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc.Errors;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Pcsc;

/// <summary>
/// A PC/SC resource manager context (SCardEstablishContext): lists readers, reports their states, waits for
/// changes and connects to cards. <see cref="Cancel"/> may be called from any thread; the other members are meant
/// for one thread at a time (pcsc-lite serialises calls on one context, so a blocked
/// <see cref="GetStatusChange"/> holds up other calls on the same context until it returns).
/// </summary>
/// <remarks>
/// If the service restarts (pcscd stopped and started), the handle goes stale: <see cref="IsValid"/> turns false
/// and calls fail with <see cref="CardServiceUnavailableException"/> or SCARD_E_INVALID_HANDLE. Call
/// <see cref="Reestablish"/> to get a fresh handle. Releasing the context invalidates the cards connected through it.
/// </remarks>
public sealed class PcscContext : IDisposable
{
    private const uint Infinite = 0xFFFF_FFFF;

    private readonly IPcscApi _api;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private nint _handle;
    private bool _hasHandle;
    private bool _disposed;

    private PcscContext(IPcscApi api, PcscScope scope, ILogger? logger)
    {
        _api = api;
        Scope = scope;
        _logger = logger ?? NullLogger.Instance;
    }

    public PcscScope Scope { get; }

    /// <summary>Whether the service still accepts this context (SCardIsValidContext).</summary>
    public bool IsValid
    {
        get
        {
            lock (_gate)
            {
                return _hasHandle && !_disposed && _api.IsValidContext(_handle) == PcscError.Success;
            }
        }
    }

    /// <summary>Connects to the PC/SC service.</summary>
    /// <exception cref="CardServiceUnavailableException">The service is not running, or PC/SC is not installed.</exception>
    public static PcscContext Establish(PcscScope scope = PcscScope.User, ILogger? logger = null) =>
        Establish(PcscApiFactory.Create(), scope, logger);

    /// <summary>Connects to the PC/SC service through <paramref name="api"/>: the native one, or a test's fake.</summary>
    /// <exception cref="CardServiceUnavailableException">The service is not running, or PC/SC is not installed.</exception>
    public static PcscContext Establish(IPcscApi api, PcscScope scope = PcscScope.User, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var context = new PcscContext(api, scope, logger);
        context.Reestablish();
        return context;
    }

    /// <summary>Releases the current handle (ignoring errors: it may be stale) and establishes a new one.</summary>
    public void Reestablish()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ReleaseHandleLocked();
            PcscError result;
            nint handle;
            try
            {
                result = _api.EstablishContext(Scope, out handle);
            }
            catch (DllNotFoundException ex)
            {
                throw new CardServiceUnavailableException(PcscApiFactory.MissingLibraryMessage(_api.Platform), ex);
            }

            if (result != PcscError.Success)
            {
                throw Error(result);
            }

            _handle = handle;
            _hasHandle = true;
            PcscLog.ContextEstablished(_logger, Scope);
        }
    }

    /// <summary>
    /// The readers in the given groups (all readers when none are given). No reader at all is an empty list, not an
    /// error.
    /// </summary>
    public IReadOnlyList<string> ListReaders(params string[] groups)
    {
        var result = _api.ListReaders(Handle, groups is null || groups.Length == 0 ? null : groups, out var readers);
        return result switch
        {
            PcscError.Success => readers,
            PcscError.NoReadersAvailable => [],
            _ => throw Error(result),
        };
    }

    public IReadOnlyList<string> ListReaderGroups()
    {
        var result = _api.ListReaderGroups(Handle, out var groups);
        return result == PcscError.Success ? groups : throw Error(result);
    }

    /// <summary>
    /// Every reader with its current state and the ATR of its card: the snapshot behind "scc readers".
    /// </summary>
    public IReadOnlyList<PcscReaderStatus> GetReaderStates()
    {
        // A reader can vanish between listing and asking; then list again.
        for (var attempt = 1; ; attempt++)
        {
            var readers = ListReaders();
            if (readers.Count == 0)
            {
                return [];
            }

            var states = readers.Select(name => new PcscReaderState(name)).ToArray();
            var result = _api.GetStatusChange(Handle, 0, states);
            if (result is PcscError.Success or PcscError.Timeout)
            {
                return states
                    .Select(s => new PcscReaderStatus(s.ReaderName, s.EventState & ~PcscReaderStateFlags.Changed, s.Atr))
                    .ToList();
            }

            if (result is not (PcscError.UnknownReader or PcscError.ReaderUnavailable) || attempt >= 3)
            {
                throw Error(result);
            }
        }
    }

    /// <summary>
    /// Waits until a reader's state differs from its <see cref="PcscReaderState.CurrentState"/> (SCardGetStatusChange),
    /// then fills each entry's event state. Returns false if <paramref name="timeout"/> passed first
    /// (<see cref="Timeout.InfiniteTimeSpan"/> waits for ever).
    /// </summary>
    /// <exception cref="PcscCancelledException"><see cref="Cancel"/> woke the wait.</exception>
    public bool GetStatusChange(IReadOnlyList<PcscReaderState> readerStates, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(readerStates);
        var milliseconds = timeout == Timeout.InfiniteTimeSpan
            ? Infinite
            : (uint)Math.Clamp((long)timeout.TotalMilliseconds, 0, Infinite - 1);
        var result = _api.GetStatusChange(Handle, milliseconds, [.. readerStates]);
        return result switch
        {
            PcscError.Success => true,
            PcscError.Timeout => false,
            _ => throw Error(result),
        };
    }

    /// <summary>Wakes a <see cref="GetStatusChange"/> blocked on this context. Safe from any thread; harmless if none is blocked.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_hasHandle && !_disposed)
            {
                _api.Cancel(_handle);
            }
        }
    }

    /// <summary>Connects to the card in <paramref name="readerName"/>.</summary>
    /// <exception cref="ReaderUnavailableException">No such reader; lists the ones there are.</exception>
    /// <exception cref="NoCardException">The reader is empty or the card does not answer.</exception>
    /// <exception cref="PcscSharingViolationException">Another program holds the card exclusively.</exception>
    public PcscCard Connect(string readerName, PcscShareMode shareMode = PcscShareMode.Shared,
        PcscProtocols preferredProtocols = PcscProtocols.Any)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerName);
        var result = _api.Connect(Handle, readerName, shareMode, preferredProtocols, out var card, out var active);
        if (result != PcscError.Success)
        {
            var available = PcscErrors.GetKind(result) == PcscErrorKind.ReaderUnavailable ? TryListReaders() : null;
            throw PcscErrors.CreateException(result, _api.Platform, cardConnected: false, readerName, available);
        }

        var statusResult = _api.Status(card, out var status);
        if (statusResult != PcscError.Success && shareMode != PcscShareMode.Direct)
        {
            _api.Disconnect(card, PcscDisposition.Leave);
            throw PcscErrors.CreateException(statusResult, _api.Platform, cardConnected: false, readerName, null);
        }

        // A direct connection to an empty reader has no ATR; that is fine.
        var atr = statusResult == PcscError.Success ? status.Atr.ToArray() : [];
        return new PcscCard(_api, _logger, card, readerName, shareMode, active, atr);
    }

    /// <summary>Releases the context. Later calls do nothing.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            ReleaseHandleLocked();
        }
    }

    public void Dispose() => Release();

    internal nint Handle
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _hasHandle ? _handle : throw new InvalidOperationException("The PC/SC context is not established.");
            }
        }
    }

    private IReadOnlyList<string>? TryListReaders()
    {
        return _api.ListReaders(Handle, null, out var readers) == PcscError.Success ? readers : [];
    }

    private void ReleaseHandleLocked()
    {
        if (!_hasHandle)
        {
            return;
        }

        _hasHandle = false;
        var result = _api.ReleaseContext(_handle);
        if (result == PcscError.Success)
        {
            PcscLog.ContextReleased(_logger);
        }
        else
        {
            PcscLog.ReleaseFailed(_logger, PcscErrors.FormatMessage(result, _api.Platform, null));
        }
    }

    private Exception Error(PcscError result) =>
        PcscErrors.CreateException(result, _api.Platform, cardConnected: false, readerName: null, availableReaders: null);
}
