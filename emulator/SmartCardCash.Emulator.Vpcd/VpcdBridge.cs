using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.Emulator.Images;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// Puts one <see cref="EmulatedCard"/> into one reader of vsmartcard's vpcd driver in pcscd, so every PC/SC program
/// sees it as a card: the bridge connects to vpcd's TCP port (that is the insertion), answers vpcd's power and ATR
/// requests and forwards command APDUs to the card. Closing the connection is the removal.
/// </summary>
/// <remarks>
/// <para><b>Protocol</b>: frames both ways are a 2-byte big-endian length and a payload. A 1-byte payload from vpcd
/// is a control: <c>00</c> power off (<see cref="EmulatedCard.PowerOff"/>: transient state lost), <c>01</c> power on
/// (<see cref="EmulatedCard.PowerOn"/> on the slot's interface: persistent recovery runs), <c>02</c> reset (power
/// off, power on) — none answered — and <c>04</c> get ATR, answered with the ATR of the slot's interface without
/// touching the card (vpcd polls it about every 400 ms to see whether the card is still there). Any other payload is
/// a command APDU, passed through the card's reader (<see cref="EmulatedReader"/>, which answers a contactless
/// <c>FF CA</c> itself) to <see cref="EmulatedCard.Transmit(ReadOnlySpan{byte})"/>, and answered with the response
/// APDU (<see cref="VpcdSlotCard"/>). A card opened from a <see cref="CardImageStore"/> saves its image after every command that changed it.</para>
/// <para><b>Reconnect</b> (<see cref="VpcdSlotLoop"/>): when connecting fails or vpcd drops the connection (pcscd stopped or restarted), the card
/// is powered off and the bridge reconnects with back-off (<see cref="VpcdSlotOptions.ReconnectInitialDelay"/>,
/// doubling to <see cref="VpcdSlotOptions.ReconnectMaxDelay"/>) until detached.</para>
/// <para><b>Tearing</b> (<see cref="VpcdSlotTearing"/>): see <see cref="VpcdTearing"/> and <see cref="VpcdTearPoint"/>. A power loss the card's own
/// <see cref="EmulatedCard.Tearing"/> plan injects is handled the same way: no answer, connection dropped.</para>
/// <para><b>Threads</b>: one background task per slot does all the work and is the only user of the card while the
/// bridge runs (do not use the card from elsewhere until <see cref="DetachAsync"/> has returned). Events are raised
/// on that task, one at a time: keep handlers short; exceptions from them are logged and ignored. No exception
/// leaves the task: unrecoverable errors end in <see cref="VpcdSlotState.Faulted"/>, a <see cref="Faulted"/> event
/// and an error in the log.</para>
/// </remarks>
public sealed class VpcdBridge : IAsyncDisposable, IDisposable
{
    /// <summary>vpcd's port for slot 0 in Debian's /etc/reader.conf.d/vpcd; slot n listens on this + n.</summary>
    public const int DefaultBasePort = 35963;

    /// <summary>The bridge whose task is running here (and so whose event handler is), where waiting for that slot to
    /// stop would wait for itself.</summary>
    private static readonly AsyncLocal<VpcdBridge?> RunningSlot = new();

    private readonly EmulatedCard _card;
    private readonly VpcdSlotOptions _options;
    private readonly byte[] _atr;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly VpcdSlotCounters _counters = new();
    private readonly VpcdSlotInsertion _insertion;
    private readonly VpcdSlotTearing _tearing;
    private readonly VpcdSlotLoop _work;
    private Task? _loop;
    private int _detachRequested;
    private VpcdSlotState _state = VpcdSlotState.Created;

    /// <summary>A bridge for <paramref name="card"/> in vpcd slot <paramref name="slot"/>. Call <see cref="Start"/>.</summary>
    /// <param name="slot">The vpcd slot (0 = "Virtual PCD 00 00"); the port is <see cref="DefaultBasePort"/> + slot
    /// unless <see cref="VpcdSlotOptions.Port"/> says otherwise.</param>
    /// <param name="card">The card; the bridge does not dispose it.</param>
    /// <param name="cardName">A name for logs and events ("alice").</param>
    public VpcdBridge(int slot, EmulatedCard card, string? cardName = null, VpcdSlotOptions? options = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentNullException.ThrowIfNull(card);
        options ??= new VpcdSlotOptions();
        options.Validate();
        int port = options.Port ?? DefaultBasePort + slot;
        if (port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot,
                $"slot {slot} would use port {port}; give VpcdSlotOptions.Port explicitly");
        }
        Slot = slot;
        _card = card;
        CardName = string.IsNullOrWhiteSpace(cardName) ? "emulated card" : cardName;
        _options = options;
        Host = options.Host ?? VpcdSlotOptions.DefaultHost;
        Port = port;
        Interface = options.Interface ?? card.Profile.Interface;
        _atr = AnswerToReset.For(Interface);
        Logger = logger ?? NullLogger.Instance;
        _insertion = new VpcdSlotInsertion(this);
        _tearing = new VpcdSlotTearing(this, options.Tearing, options.ReinsertAfterTear, _counters);
        _work = new VpcdSlotLoop(this, options, _insertion, new VpcdSlotCard(this, card, _counters, _tearing), _counters);
    }

    /// <summary>A bridge for a card opened from a <see cref="CardImageStore"/>, named after it. The bridge does not
    /// dispose it (dispose it after <see cref="DetachAsync"/>, or let a <see cref="VpcdAttachment"/> do it).</summary>
    public VpcdBridge(int slot, StoredCard card, VpcdSlotOptions? options = null, ILogger? logger = null)
        : this(slot, (card ?? throw new ArgumentNullException(nameof(card))).Card, card.Name, options, logger)
    {
    }

    /// <summary>Raised on the slot's task whenever <see cref="State"/> changes.</summary>
    public event EventHandler<VpcdSlotStateChangedEventArgs>? StateChanged;

    /// <summary>Raised on the slot's task when the card is pulled out during a command.</summary>
    public event EventHandler<VpcdTearEventArgs>? Torn;

    /// <summary>Raised on the slot's task for every command APDU the card answered.</summary>
    public event EventHandler<VpcdApduEventArgs>? ApduExchanged;

    /// <summary>Raised on the slot's task when something fails; see <see cref="VpcdSlotFaultEventArgs.SlotStopped"/>.</summary>
    public event EventHandler<VpcdSlotFaultEventArgs>? Faulted;

    public int Slot { get; }

    public string CardName { get; }

    /// <summary>The card (do not use it while the bridge runs).</summary>
    public EmulatedCard Card => _card;

    public string Host { get; }

    public int Port { get; }

    /// <summary>The interface the card is used through in this slot.</summary>
    public InterfaceProfile Interface { get; }

    /// <summary>The ATR vpcd gets: the card's ATR for <see cref="Interface"/>.</summary>
    public ReadOnlyMemory<byte> Atr => _atr;

    public VpcdSlotState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The tearing in force (the last armed).</summary>
    public VpcdTearing Tearing => _tearing.Tearing;

    public VpcdSlotStatistics Statistics => _counters.Snapshot();

    /// <summary>A task that completes when the slot has stopped for good (detached or faulted).</summary>
    public Task Completion => _stopped.Task;

    internal ILogger Logger { get; }

    /// <summary>The ATR sent to vpcd's get-ATR requests (the array behind <see cref="Atr"/>).</summary>
    internal byte[] AtrBytes => _atr;

    /// <summary>Starts the slot's background task: connect to vpcd (retrying until it is there) and serve it.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_loop is not null || _detachRequested != 0)
            {
                throw new InvalidOperationException($"slot {Slot} ({CardName}) was already started or detached; create a new bridge");
            }
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>
    /// Arms a new tearing plan from now on (command numbers count from the next command); replaces the previous one.
    /// Thread-safe; takes effect at the next command.
    /// </summary>
    public void ArmTearing(VpcdTearing tearing)
    {
        ArgumentNullException.ThrowIfNull(tearing);
        _tearing.Arm(tearing);
    }

    /// <summary>
    /// Pulls the card out of the reader now (closes the connection; a command in progress is finished but not
    /// answered) and keeps it out until <see cref="Insert"/>. Thread-safe; does nothing if it is out already.
    /// </summary>
    public void Remove() => _insertion.Remove();

    /// <summary>Puts a removed (or torn) card back into the reader. Thread-safe; does nothing if it is in.</summary>
    public void Insert() => _insertion.Insert();

    /// <summary>
    /// Stops the slot: closes the connection (pcscd sees the card removed), waits for the command in progress (at
    /// most <see cref="VpcdSlotOptions.StopTimeout"/>) and powers the card off. Safe to call more than once and from
    /// event handlers (it then does not wait for itself).
    /// </summary>
    public Task DetachAsync()
    {
        if (Interlocked.Exchange(ref _detachRequested, 1) == 0)
        {
            VpcdSlotInsertion.CancelQuietly(_stop);
            Task? loop;
            lock (_gate)
            {
                loop = _loop;
            }
            if (loop is null)
            {
                SetState(VpcdSlotState.Detached, "detached before it was started");
                _stopped.TrySetResult();
            }
        }
        return WaitForStopAsync();
    }

    public ValueTask DisposeAsync() => new(DetachAsync());

    /// <summary>Same as <see cref="DetachAsync"/>, waiting for it.</summary>
    public void Dispose() => DetachAsync().GetAwaiter().GetResult();

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"slot {Slot} ({CardName}) at {Host}:{Port}, {Interface}, {State}");

    /// <summary>Moves to <paramref name="state"/> and raises <see cref="StateChanged"/>; a final state stays final.</summary>
    internal void SetState(VpcdSlotState state, string reason)
    {
        VpcdSlotState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == state || previous is VpcdSlotState.Detached or VpcdSlotState.Faulted)
            {
                return;
            }
            _state = state;
        }
        Raise(StateChanged, new VpcdSlotStateChangedEventArgs(Slot, previous, state, reason), nameof(StateChanged));
    }

    internal void RaiseTorn(VpcdTearEventArgs args) => Raise(Torn, args, nameof(Torn));

    internal void RaiseApduExchanged(VpcdApduEventArgs args) => Raise(ApduExchanged, args, nameof(ApduExchanged));

    internal void RaiseFaulted(VpcdSlotFaultEventArgs args) => Raise(Faulted, args, nameof(Faulted));

    /// <summary>The slot has stopped for good: <see cref="Completion"/> completes.</summary>
    internal void MarkStopped() => _stopped.TrySetResult();

    private Task RunAsync()
    {
        RunningSlot.Value = this;
        return _work.RunAsync(_stop.Token);
    }

    private async Task WaitForStopAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
        }
        if (loop is null || ReferenceEquals(RunningSlot.Value, this))
        {
            // Not started, or called from an event handler on the slot's own task: it stops once the handler returns.
            return;
        }
        try
        {
            await _stopped.Task.WaitAsync(_options.StopTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            VpcdLog.StopTimedOut(Logger, Slot, CardName, _options.StopTimeout);
        }
    }

    /// <summary>Raises an event to each subscriber in turn, with this bridge as sender; a throwing handler is logged and ignored.</summary>
    private void Raise<TArgs>(EventHandler<TArgs>? handler, TArgs args, string name)
    {
        if (handler is null)
        {
            return;
        }
        foreach (EventHandler<TArgs> subscriber in handler.GetInvocationList().Cast<EventHandler<TArgs>>())
        {
            try
            {
                subscriber(this, args);
            }
            catch (Exception e)
            {
                VpcdLog.HandlerFailed(Logger, e, Slot, CardName, name);
            }
        }
    }
}
