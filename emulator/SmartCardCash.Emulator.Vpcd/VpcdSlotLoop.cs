using System.Globalization;
using System.Net.Sockets;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// The work of one slot's task: connect to vpcd (with back-off while it is not there), serve the connection frame by
/// frame through the card end, and after each connection decide what comes next (reconnect, stay out, stop). No
/// exception leaves it: an unrecoverable error ends the slot in <see cref="VpcdSlotState.Faulted"/>.
/// </summary>
/// <remarks>
/// The card is in the reader once vpcd talks on the connection, not when the TCP connect succeeds: vpcd serves one
/// connection per slot and polls its card at once when it takes it, but with another card in the slot the connect
/// still succeeds (the kernel queues one connection for vpcd) and nothing ever comes. That silence, or a connect on
/// this machine that is not even answered (the queue is full), makes the slot <see cref="VpcdSlotState.Occupied"/>.
/// </remarks>
internal sealed class VpcdSlotLoop
{
    private readonly VpcdBridge _owner;
    private readonly VpcdSlotOptions _options;
    private readonly VpcdSlotInsertion _insertion;
    private readonly VpcdSlotCard _card;
    private readonly VpcdSlotCounters _counters;
    private readonly VpcdConnector _connector;
    private readonly VpcdBackoff _backoff;
    private bool _queueFull;

    public VpcdSlotLoop(VpcdBridge owner, VpcdSlotOptions options, VpcdSlotInsertion insertion, VpcdSlotCard card, VpcdSlotCounters counters)
    {
        _owner = owner;
        _options = options;
        _insertion = insertion;
        _card = card;
        _counters = counters;
        _connector = new VpcdConnector(owner.Host, owner.Port, options.ConnectTimeout, options.OccupiedAfter, OnQueueFull);
        _backoff = new VpcdBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay);
    }

    private string Endpoint => $"{_owner.Host}:{_owner.Port}";

    private string Waited => string.Create(CultureInfo.InvariantCulture, $"{_options.OccupiedAfter.TotalSeconds:0.#} s");

    public async Task RunAsync(CancellationToken stop)
    {
        Exception? fault = null;
        bool reportedUnreachable = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await _insertion.WaitUntilInsertedAsync(stop).ConfigureAwait(false);
                CancellationTokenSource connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
                if (!_insertion.TryBeginConnection(connection))
                {
                    connection.Dispose();
                    continue;
                }
                try
                {
                    if (_owner.State != VpcdSlotState.Occupied)
                    {
                        _owner.SetState(VpcdSlotState.Connecting, $"connecting to vpcd at {Endpoint}");
                    }
                    _queueFull = false;
                    (Socket? socket, string? failure) = await _connector.TryConnectAsync(connection.Token).ConfigureAwait(false);
                    if (socket is null && _queueFull)
                    {
                        // Still occupied (the queue stays full until the other card leaves): try again after the back-off.
                        await _backoff.WaitAsync(connection.Token).ConfigureAwait(false);
                        continue;
                    }
                    if (socket is null)
                    {
                        _owner.SetState(VpcdSlotState.Connecting, $"cannot reach vpcd at {Endpoint} ({failure})");
                        if (!reportedUnreachable)
                        {
                            VpcdLog.Unreachable(_owner.Logger, _owner.Slot, _owner.CardName, Endpoint, failure!);
                            reportedUnreachable = true;
                        }
                        else
                        {
                            VpcdLog.StillUnreachable(_owner.Logger, _owner.Slot, _owner.CardName, Endpoint, failure!, _backoff.Delay);
                        }
                        await _backoff.WaitAsync(connection.Token).ConfigureAwait(false);
                        continue;
                    }
                    reportedUnreachable = false;
                    VpcdConnectionEnd end;
                    using (socket)
                    {
                        _counters.Connected();
                        end = await ServeAsync(socket, connection.Token, stop).ConfigureAwait(false);
                        // Closing the socket is what tells vpcd the card is gone.
                        CloseQuietly(socket);
                    }
                    _counters.Disconnected();
                    _card.PowerOff();
                    await AfterConnectionAsync(end, connection.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // Remove() cancelled the connection (or the wait before the next attempt); the loop waits for Insert().
                    _card.PowerOff();
                }
                finally
                {
                    _insertion.EndConnection();
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
                _card.PowerOff();
            }
            catch (Exception e)
            {
                fault ??= e;
            }
            if (fault is not null)
            {
                Exception reported = fault is CardFaultException { InnerException: { } inner } ? inner : fault;
                VpcdLog.Faulted(_owner.Logger, reported, _owner.Slot, _owner.CardName);
                _owner.SetState(VpcdSlotState.Faulted, reported.Message);
                _owner.RaiseFaulted(new VpcdSlotFaultEventArgs(_owner.Slot, reported, slotStopped: true));
            }
            else
            {
                VpcdLog.Detached(_owner.Logger, _owner.Slot, _owner.CardName);
                _owner.SetState(VpcdSlotState.Detached, "detached");
            }
            _owner.MarkStopped();
        }
    }

    /// <summary>What follows a connection: a reconnect after back-off, the card out of the reader, or nothing (stopping).</summary>
    private async Task AfterConnectionAsync(VpcdConnectionEnd end, CancellationToken connection)
    {
        switch (end.Kind)
        {
            case VpcdConnectionEndKind.ReaderClosed:
                VpcdLog.ConnectionLost(_owner.Logger, _owner.Slot, _owner.CardName, end.Reason);
                _owner.SetState(VpcdSlotState.Connecting, $"vpcd dropped the connection ({end.Reason})");
                if (end.Exchanged)
                {
                    // A connection that carried frames was healthy: the back-off starts again from the beginning.
                    _backoff.Restart();
                }
                await _backoff.WaitAsync(connection).ConfigureAwait(false);
                break;
            case VpcdConnectionEndKind.Torn:
                _insertion.TornOut(_options.ReinsertAfterTear);
                _backoff.Restart();
                break;
            case VpcdConnectionEndKind.Removed:
                VpcdLog.Removed(_owner.Logger, _owner.Slot, _owner.CardName);
                _backoff.Restart();
                break;
            case VpcdConnectionEndKind.Stopped:
                break;
        }
    }

    /// <summary>Serves one connection: every frame from vpcd answered through the card end, until it ends.</summary>
    private async Task<VpcdConnectionEnd> ServeAsync(Socket socket, CancellationToken connection, CancellationToken stop)
    {
        bool exchanged = false;
        try
        {
            while (true)
            {
                byte[]? frame = exchanged
                    ? await VpcdFraming.ReadFrameAsync(socket, connection).ConfigureAwait(false)
                    : await ReadFirstFrameAsync(socket, connection).ConfigureAwait(false);
                if (frame is null)
                {
                    return new VpcdConnectionEnd(VpcdConnectionEndKind.ReaderClosed, "closed by vpcd", exchanged);
                }
                if (!exchanged)
                {
                    VpcdLog.Connected(_owner.Logger, _owner.Slot, _owner.CardName, Endpoint);
                    _owner.SetState(VpcdSlotState.Inserted, $"connected to vpcd at {Endpoint}");
                }
                exchanged = true;
                if (frame.Length == 1)
                {
                    (byte[]? reply, bool lostPower) = _card.HandleControl(frame[0]);
                    if (lostPower)
                    {
                        return new VpcdConnectionEnd(VpcdConnectionEndKind.Torn, "power lost during power-up", exchanged);
                    }
                    if (reply is not null)
                    {
                        await VpcdFraming.WriteFrameAsync(socket, reply, connection).ConfigureAwait(false);
                    }
                    continue;
                }
                (byte[]? response, bool remove) = _card.HandleApdu(frame);
                if (response is not null)
                {
                    await VpcdFraming.WriteFrameAsync(socket, response, connection).ConfigureAwait(false);
                }
                if (remove)
                {
                    return new VpcdConnectionEnd(VpcdConnectionEndKind.Torn, "torn", exchanged);
                }
            }
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested)
        {
            return new VpcdConnectionEnd(stop.IsCancellationRequested ? VpcdConnectionEndKind.Stopped : VpcdConnectionEndKind.Removed,
                "removed", exchanged);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            return new VpcdConnectionEnd(VpcdConnectionEndKind.ReaderClosed, e.Message, exchanged);
        }
    }

    /// <summary>
    /// vpcd's first frame on a new connection; when it takes longer than <see cref="VpcdSlotOptions.OccupiedAfter"/>,
    /// vpcd has not taken the connection (another card holds the slot) and the slot is marked occupied meanwhile.
    /// </summary>
    private async Task<byte[]?> ReadFirstFrameAsync(Socket socket, CancellationToken connection)
    {
        Task<byte[]?> read = VpcdFraming.ReadFrameAsync(socket, connection).AsTask();
        using (var watch = CancellationTokenSource.CreateLinkedTokenSource(connection))
        {
            Task elapsed = Task.Delay(_options.OccupiedAfter, watch.Token);
            if (await Task.WhenAny(read, elapsed).ConfigureAwait(false) == elapsed && elapsed.IsCompletedSuccessfully && !read.IsCompleted)
            {
                MarkOccupied($"vpcd at {Endpoint} took the connection but has sent nothing for {Waited}: another card holds slot {_owner.Slot}");
            }
            await watch.CancelAsync().ConfigureAwait(false);
        }
        return await read.ConfigureAwait(false);
    }

    private void OnQueueFull()
    {
        _queueFull = true;
        MarkOccupied($"vpcd at {Endpoint} has not taken the connection for {Waited}: its queue is full, so another card holds slot {_owner.Slot}");
    }

    private void MarkOccupied(string reason)
    {
        if (_owner.State != VpcdSlotState.Occupied)
        {
            VpcdLog.Occupied(_owner.Logger, _owner.Slot, _owner.CardName, reason);
            _owner.SetState(VpcdSlotState.Occupied, reason);
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
}
