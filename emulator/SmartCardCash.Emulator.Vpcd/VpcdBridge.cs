using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Emulator.Memory;
using SmartCardCash.Iso7816.Errors;

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
/// a command APDU for <see cref="EmulatedCard.Transmit(ReadOnlySpan{byte})"/>, answered with the response APDU.
/// A card opened from a <see cref="CardImageStore"/> saves its image after every command that changed it.</para>
/// <para><b>Reconnect</b>: when connecting fails or vpcd drops the connection (pcscd stopped or restarted), the card
/// is powered off and the bridge reconnects with back-off (<see cref="VpcdSlotOptions.ReconnectInitialDelay"/>,
/// doubling to <see cref="VpcdSlotOptions.ReconnectMaxDelay"/>) until detached.</para>
/// <para><b>Tearing</b>: see <see cref="VpcdTearing"/> and <see cref="VpcdTearPoint"/>. A power loss the card's own
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

    private static readonly byte[] AppletFaultResponse = [0x6F, 0x00];

    /// <summary>The bridge whose task is running here (and so whose event handler is), where waiting for that slot to
    /// stop would wait for itself.</summary>
    private static readonly AsyncLocal<VpcdBridge?> RunningSlot = new();

    private readonly EmulatedCard _card;
    private readonly VpcdSlotOptions _options;
    private readonly ILogger _logger;
    private readonly byte[] _atr;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private int _detachRequested;
    private VpcdSlotState _state = VpcdSlotState.Created;
    private bool _removed;
    private TimeSpan? _autoInsertAfter;
    private TaskCompletionSource _insertRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _connection;
    private VpcdTearDecider _tearing;
    private long _connects;
    private long _disconnects;
    private long _apdusReceived;
    private long _apdusForwarded;
    private long _tears;
    private long _powerUps;
    private long _powerDowns;
    private long _resets;
    private long _atrRequests;

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
        _logger = logger ?? NullLogger.Instance;
        _tearing = options.Tearing.CreateDecider();
    }

    /// <summary>A bridge for a card opened from a <see cref="CardImageStore"/>, named after it. The bridge does not
    /// dispose it (dispose it after <see cref="DetachAsync"/>, or let a <see cref="VpcdAttachSession"/> do it).</summary>
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
    public VpcdTearing Tearing
    {
        get
        {
            lock (_gate)
            {
                return _tearing.Tearing;
            }
        }
    }

    public VpcdSlotStatistics Statistics => new(
        Interlocked.Read(ref _connects),
        Interlocked.Read(ref _disconnects),
        Interlocked.Read(ref _apdusReceived),
        Interlocked.Read(ref _apdusForwarded),
        Interlocked.Read(ref _tears),
        Interlocked.Read(ref _powerUps),
        Interlocked.Read(ref _powerDowns),
        Interlocked.Read(ref _resets),
        Interlocked.Read(ref _atrRequests));

    /// <summary>A task that completes when the slot has stopped for good (detached or faulted).</summary>
    public Task Completion => _stopped.Task;

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
        lock (_gate)
        {
            _tearing = tearing.CreateDecider();
        }
        VpcdLog.TearingArmed(_logger, Slot, CardName, tearing);
    }

    /// <summary>
    /// Pulls the card out of the reader now (closes the connection; a command in progress is finished but not
    /// answered) and keeps it out until <see cref="Insert"/>. Thread-safe; does nothing if it is out already.
    /// </summary>
    public void Remove()
    {
        CancellationTokenSource? connection;
        lock (_gate)
        {
            if (_removed)
            {
                return;
            }
            _removed = true;
            _autoInsertAfter = null;
            _insertRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            connection = _connection;
        }
        CancelQuietly(connection);
    }

    /// <summary>Puts a removed (or torn) card back into the reader. Thread-safe; does nothing if it is in.</summary>
    public void Insert()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (!_removed)
            {
                return;
            }
            _removed = false;
            signal = _insertRequested;
        }
        signal.TrySetResult();
    }

    /// <summary>
    /// Stops the slot: closes the connection (pcscd sees the card removed), waits for the command in progress (at
    /// most <see cref="VpcdSlotOptions.StopTimeout"/>) and powers the card off. Safe to call more than once and from
    /// event handlers (it then does not wait for itself).
    /// </summary>
    public Task DetachAsync()
    {
        if (Interlocked.Exchange(ref _detachRequested, 1) == 0)
        {
            CancelQuietly(_stop);
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
            VpcdLog.StopTimedOut(_logger, Slot, CardName, _options.StopTimeout);
        }
    }

    private async Task RunAsync()
    {
        RunningSlot.Value = this;
        CancellationToken stop = _stop.Token;
        Exception? fault = null;
        TimeSpan delay = _options.ReconnectInitialDelay;
        bool reportedUnreachable = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await WaitUntilInsertedAsync(stop).ConfigureAwait(false);
                CancellationTokenSource connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
                lock (_gate)
                {
                    if (_removed)
                    {
                        connection.Dispose();
                        continue;
                    }
                    _connection = connection;
                }
                try
                {
                    SetState(VpcdSlotState.Connecting, $"connecting to vpcd at {Host}:{Port}");
                    (Socket? socket, string? failure) = await TryConnectAsync(connection.Token).ConfigureAwait(false);
                    if (socket is null)
                    {
                        if (!reportedUnreachable)
                        {
                            VpcdLog.Unreachable(_logger, Slot, CardName, $"{Host}:{Port}", failure!);
                            reportedUnreachable = true;
                        }
                        else
                        {
                            VpcdLog.StillUnreachable(_logger, Slot, CardName, $"{Host}:{Port}", failure!, delay);
                        }
                        await Task.Delay(delay, connection.Token).ConfigureAwait(false);
                        delay = Min(delay * 2, _options.ReconnectMaxDelay);
                        continue;
                    }
                    reportedUnreachable = false;
                    SessionEnd end;
                    using (socket)
                    {
                        Interlocked.Increment(ref _connects);
                        VpcdLog.Connected(_logger, Slot, CardName, $"{Host}:{Port}");
                        SetState(VpcdSlotState.Inserted, $"connected to vpcd at {Host}:{Port}");
                        end = await ServeAsync(socket, connection.Token, stop).ConfigureAwait(false);
                        // Closing the socket is what tells vpcd the card is gone.
                        CloseQuietly(socket);
                    }
                    Interlocked.Increment(ref _disconnects);
                    PowerOffCard();
                    switch (end.Kind)
                    {
                        case SessionEndKind.ReaderClosed:
                            VpcdLog.ConnectionLost(_logger, Slot, CardName, end.Reason);
                            SetState(VpcdSlotState.Connecting, $"vpcd dropped the connection ({end.Reason})");
                            if (end.Exchanged)
                            {
                                // A connection that carried frames was healthy: the back-off starts again from the beginning.
                                delay = _options.ReconnectInitialDelay;
                            }
                            await Task.Delay(delay, connection.Token).ConfigureAwait(false);
                            delay = Min(delay * 2, _options.ReconnectMaxDelay);
                            break;
                        case SessionEndKind.Torn:
                            lock (_gate)
                            {
                                _removed = true;
                                _autoInsertAfter = _options.ReinsertAfterTear;
                                _insertRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            }
                            delay = _options.ReconnectInitialDelay;
                            break;
                        case SessionEndKind.Removed:
                            VpcdLog.Removed(_logger, Slot, CardName);
                            delay = _options.ReconnectInitialDelay;
                            break;
                        case SessionEndKind.Stopped:
                            break;
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // Remove() cancelled the connection (or the wait before the next attempt); the loop waits for Insert().
                    PowerOffCard();
                }
                finally
                {
                    lock (_gate)
                    {
                        _connection = null;
                    }
                    connection.Dispose();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Detached.
        }
        catch (Exception e)
        {
            fault = e;
        }
        finally
        {
            try
            {
                PowerOffCard();
            }
            catch (Exception e)
            {
                fault ??= e;
            }
            if (fault is not null)
            {
                Exception reported = fault is CardFaultException { InnerException: { } inner } ? inner : fault;
                VpcdLog.Faulted(_logger, reported, Slot, CardName);
                SetState(VpcdSlotState.Faulted, reported.Message);
                Raise(Faulted, new VpcdSlotFaultEventArgs(Slot, reported, slotStopped: true), nameof(Faulted));
            }
            else
            {
                VpcdLog.Detached(_logger, Slot, CardName);
                SetState(VpcdSlotState.Detached, "detached");
            }
            _stopped.TrySetResult();
        }
    }

    /// <summary>Returns at once while the card is in; otherwise waits for <see cref="Insert"/> or the automatic re-insertion.</summary>
    private async Task WaitUntilInsertedAsync(CancellationToken stop)
    {
        Task signal;
        TimeSpan? autoInsertAfter;
        lock (_gate)
        {
            if (!_removed)
            {
                return;
            }
            signal = _insertRequested.Task;
            autoInsertAfter = _autoInsertAfter;
        }
        SetState(VpcdSlotState.Removed, autoInsertAfter is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"out of the reader; back in after {after.TotalMilliseconds:0} ms")
            : "out of the reader until inserted");
        if (autoInsertAfter is { } wait)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Task elapsed = Task.Delay(wait, timer.Token);
            await Task.WhenAny(signal, elapsed).ConfigureAwait(false);
            timer.Cancel();
            stop.ThrowIfCancellationRequested();
            lock (_gate)
            {
                // Unless Remove() was called meanwhile, which asks for a manual insertion.
                if (_autoInsertAfter is not null)
                {
                    _removed = false;
                }
            }
        }
        else
        {
            await signal.WaitAsync(stop).ConfigureAwait(false);
        }
        VpcdLog.Reinserted(_logger, Slot, CardName);
    }

    private async Task<(Socket? Socket, string? Failure)> TryConnectAsync(CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(Host, out IPAddress? literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(Host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return (null, $"cannot resolve {Host}: {e.Message}");
        }
        string failure = $"{Host} has no address";
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, Port), timeout.Token).ConfigureAwait(false);
                return (socket, null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                failure = string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.ConnectTimeout.TotalSeconds:0.#} s");
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure = e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : e.Message;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        return (null, failure);
    }

    private async Task<SessionEnd> ServeAsync(Socket socket, CancellationToken connection, CancellationToken stop)
    {
        bool exchanged = false;
        try
        {
            while (true)
            {
                byte[]? frame = await VpcdFraming.ReadFrameAsync(socket, connection).ConfigureAwait(false);
                if (frame is null)
                {
                    return new SessionEnd(SessionEndKind.ReaderClosed, "closed by vpcd", exchanged);
                }
                exchanged = true;
                if (frame.Length == 1)
                {
                    (byte[]? reply, bool lostPower) = HandleControl(frame[0]);
                    if (lostPower)
                    {
                        return new SessionEnd(SessionEndKind.Torn, "power lost during power-up", exchanged);
                    }
                    if (reply is not null)
                    {
                        await VpcdFraming.WriteFrameAsync(socket, reply, connection).ConfigureAwait(false);
                    }
                    continue;
                }
                (byte[]? response, bool remove) = HandleApdu(frame);
                if (response is not null)
                {
                    await VpcdFraming.WriteFrameAsync(socket, response, connection).ConfigureAwait(false);
                }
                if (remove)
                {
                    return new SessionEnd(SessionEndKind.Torn, "torn", exchanged);
                }
            }
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested)
        {
            return new SessionEnd(stop.IsCancellationRequested ? SessionEndKind.Stopped : SessionEndKind.Removed, "removed", exchanged);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            return new SessionEnd(SessionEndKind.ReaderClosed, e.Message, exchanged);
        }
    }

    /// <summary>Answers a control message. Returns the reply (only for get ATR) and whether the card lost power.</summary>
    private (byte[]? Reply, bool LostPower) HandleControl(byte control)
    {
        switch (control)
        {
            case VpcdControl.PowerOff:
                Interlocked.Increment(ref _powerDowns);
                VpcdLog.ControlReceived(_logger, Slot, CardName, "power off");
                PowerOffCard();
                return (null, false);
            case VpcdControl.PowerOn:
                Interlocked.Increment(ref _powerUps);
                VpcdLog.ControlReceived(_logger, Slot, CardName, "power on");
                return (null, !PowerOnCard());
            case VpcdControl.Reset:
                Interlocked.Increment(ref _resets);
                VpcdLog.ControlReceived(_logger, Slot, CardName, "reset");
                PowerOffCard();
                return (null, !PowerOnCard());
            case VpcdControl.GetAtr:
                Interlocked.Increment(ref _atrRequests);
                if (_logger.IsEnabled(LogLevel.Trace))
                {
                    VpcdLog.AtrAnswered(_logger, Slot, CardName, Convert.ToHexString(_atr));
                }
                // The ATR of the slot's interface, whether or not the card is powered: answering a poll changes nothing.
                return (_atr, false);
            default:
                VpcdLog.UnknownControl(_logger, Slot, CardName, control);
                return (null, false);
        }
    }

    /// <summary>Runs one command APDU, tearing it if the plan says so. Returns the response to send (null: none)
    /// and whether to pull the card out afterwards.</summary>
    private (byte[]? Response, bool Remove) HandleApdu(byte[] command)
    {
        long number = Interlocked.Increment(ref _apdusReceived);
        VpcdTearAction? tear;
        lock (_gate)
        {
            tear = _tearing.Next();
        }
        if (tear is { Point: VpcdTearPoint.BeforeCommand })
        {
            PowerOffCard();
            ReportTear(number, VpcdTearPoint.BeforeCommand, powerLostAtWrite: false, command);
            return (null, true);
        }
        if (!_card.IsPowered)
        {
            // pcscd powers the card before using it; a command to an unpowered card is answered all the same.
            VpcdLog.ImplicitPowerOn(_logger, Slot, CardName);
            if (!PowerOnCard())
            {
                ReportTear(number, VpcdTearPoint.BeforeCommand, powerLostAtWrite: true, command);
                return (null, true);
            }
        }

        TearingPlan? cardPlan = null;
        if (tear is { Point: VpcdTearPoint.DuringCommand } during)
        {
            cardPlan = _card.Tearing;
            _card.Tearing = TearingPlan.AtWrite(during.WriteIndex, during.BytesWritten);
        }
        byte[] response;
        try
        {
            response = CallCard(() => EmulatedReader.Transmit(_card, command));
        }
        catch (CardRemovedException)
        {
            Interlocked.Increment(ref _apdusForwarded);
            ReportTear(number, VpcdTearPoint.DuringCommand, powerLostAtWrite: true, command);
            return (null, true);
        }
        catch (AppletFaultException e)
        {
            // The card was built to throw applet faults (tests); a real card answers 6F00, and so does the slot.
            ReportAppletFault(e);
            response = AppletFaultResponse;
        }
        finally
        {
            if (cardPlan is not null)
            {
                _card.Tearing = cardPlan;
            }
        }
        Interlocked.Increment(ref _apdusForwarded);

        if (tear is { Point: VpcdTearPoint.DuringCommand })
        {
            // The command did fewer writes than the chosen index: power goes before the answer is out.
            PowerOffCard();
            ReportTear(number, VpcdTearPoint.DuringCommand, powerLostAtWrite: false, command);
            return (null, true);
        }
        if (response.Length > VpcdFraming.MaxPayloadLength)
        {
            VpcdLog.ResponseTooLong(_logger, Slot, CardName, number, response.Length);
            response = AppletFaultResponse;
        }
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            VpcdLog.Exchanged(_logger, Slot, CardName, number, Convert.ToHexString(command), Convert.ToHexString(response));
        }
        Raise(ApduExchanged, new VpcdApduEventArgs(Slot, number, command, response), nameof(ApduExchanged));
        if (tear is { Point: VpcdTearPoint.AfterResponse })
        {
            ReportTear(number, VpcdTearPoint.AfterResponse, powerLostAtWrite: false, command);
            return (response, true);
        }
        return (response, false);
    }

    private void ReportTear(long number, VpcdTearPoint point, bool powerLostAtWrite, byte[] command)
    {
        Interlocked.Increment(ref _tears);
        TimeSpan? reinsert = _options.ReinsertAfterTear;
        string next = reinsert is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"re-inserting after {after.TotalMilliseconds:0} ms")
            : "out until inserted";
        VpcdLog.Torn(_logger, Slot, CardName, point, number, powerLostAtWrite, next);
        Raise(Torn, new VpcdTearEventArgs(Slot, number, point, powerLostAtWrite, command), nameof(Torn));
    }

    /// <summary>Powers the card on through the slot's interface; false when it lost power during recovery.</summary>
    private bool PowerOnCard()
    {
        try
        {
            CallCard(() => _card.PowerOn(Interface));
            return true;
        }
        catch (CardRemovedException)
        {
            Interlocked.Increment(ref _tears);
            return false;
        }
        catch (AppletFaultException e)
        {
            // An applet's constructor failed; the card is powered and answers 6999 for that applet.
            ReportAppletFault(e);
            return true;
        }
    }

    private void PowerOffCard()
    {
        if (!_card.IsPowered)
        {
            return;
        }
        try
        {
            CallCard(() =>
            {
                _card.PowerOff();
                return true;
            });
        }
        catch (AppletFaultException e)
        {
            // An applet's deselect failed; the card is off all the same.
            ReportAppletFault(e);
        }
    }

    private void ReportAppletFault(AppletFaultException exception)
    {
        VpcdLog.AppletFault(_logger, exception, Slot, CardName);
        Raise(Faulted, new VpcdSlotFaultEventArgs(Slot, exception, slotStopped: false), nameof(Faulted));
    }

    /// <summary>Calls the card; a power loss and an applet fault pass through, anything else stops the slot.</summary>
    private T CallCard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not CardRemovedException and not AppletFaultException)
        {
            throw new CardFaultException($"slot {Slot} ({CardName}): the emulated card failed: {e.Message}", e);
        }
    }

    private void SetState(VpcdSlotState state, string reason)
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
                VpcdLog.HandlerFailed(_logger, e, Slot, CardName, name);
            }
        }
    }

    private static void CancelQuietly(CancellationTokenSource? source)
    {
        try
        {
            source?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended and its token was disposed meanwhile: nothing left to cancel.
        }
    }

    private static void CloseQuietly(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private enum SessionEndKind
    {
        ReaderClosed,
        Torn,
        Removed,
        Stopped,
    }

    private readonly record struct SessionEnd(SessionEndKind Kind, string Reason, bool Exchanged);
}
