using System.Net.Sockets;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// The work of one slot's task: connect to vpcd (with back-off while it is not there), serve the connection frame by
/// frame through the card end, and after each connection decide what comes next (reconnect, stay out, stop). No
/// exception leaves it: an unrecoverable error ends the slot in <see cref="VpcdSlotState.Faulted"/>.
/// </summary>
internal sealed class VpcdSlotLoop(VpcdBridge owner, VpcdSlotOptions options, VpcdSlotInsertion insertion, VpcdSlotCard card,
    VpcdSlotCounters counters)
{
    private readonly VpcdConnector _connector = new(owner.Host, owner.Port, options.ConnectTimeout);
    private readonly VpcdBackoff _backoff = new(options.ReconnectInitialDelay, options.ReconnectMaxDelay);

    private string Endpoint => $"{owner.Host}:{owner.Port}";

    public async Task RunAsync(CancellationToken stop)
    {
        Exception? fault = null;
        bool reportedUnreachable = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await insertion.WaitUntilInsertedAsync(stop).ConfigureAwait(false);
                CancellationTokenSource connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
                if (!insertion.TryBeginConnection(connection))
                {
                    connection.Dispose();
                    continue;
                }
                try
                {
                    owner.SetState(VpcdSlotState.Connecting, $"connecting to vpcd at {Endpoint}");
                    (Socket? socket, string? failure) = await _connector.TryConnectAsync(connection.Token).ConfigureAwait(false);
                    if (socket is null)
                    {
                        if (!reportedUnreachable)
                        {
                            VpcdLog.Unreachable(owner.Logger, owner.Slot, owner.CardName, Endpoint, failure!);
                            reportedUnreachable = true;
                        }
                        else
                        {
                            VpcdLog.StillUnreachable(owner.Logger, owner.Slot, owner.CardName, Endpoint, failure!, _backoff.Delay);
                        }
                        await _backoff.WaitAsync(connection.Token).ConfigureAwait(false);
                        continue;
                    }
                    reportedUnreachable = false;
                    VpcdConnectionEnd end;
                    using (socket)
                    {
                        counters.Connected();
                        VpcdLog.Connected(owner.Logger, owner.Slot, owner.CardName, Endpoint);
                        owner.SetState(VpcdSlotState.Inserted, $"connected to vpcd at {Endpoint}");
                        end = await ServeAsync(socket, connection.Token, stop).ConfigureAwait(false);
                        // Closing the socket is what tells vpcd the card is gone.
                        CloseQuietly(socket);
                    }
                    counters.Disconnected();
                    card.PowerOff();
                    await AfterConnectionAsync(end, connection.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // Remove() cancelled the connection (or the wait before the next attempt); the loop waits for Insert().
                    card.PowerOff();
                }
                finally
                {
                    insertion.EndConnection();
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
                card.PowerOff();
            }
            catch (Exception e)
            {
                fault ??= e;
            }
            if (fault is not null)
            {
                Exception reported = fault is CardFaultException { InnerException: { } inner } ? inner : fault;
                VpcdLog.Faulted(owner.Logger, reported, owner.Slot, owner.CardName);
                owner.SetState(VpcdSlotState.Faulted, reported.Message);
                owner.RaiseFaulted(new VpcdSlotFaultEventArgs(owner.Slot, reported, slotStopped: true));
            }
            else
            {
                VpcdLog.Detached(owner.Logger, owner.Slot, owner.CardName);
                owner.SetState(VpcdSlotState.Detached, "detached");
            }
        }
    }

    /// <summary>What follows a connection: a reconnect after back-off, the card out of the reader, or nothing (stopping).</summary>
    private async Task AfterConnectionAsync(VpcdConnectionEnd end, CancellationToken connection)
    {
        switch (end.Kind)
        {
            case VpcdConnectionEndKind.ReaderClosed:
                VpcdLog.ConnectionLost(owner.Logger, owner.Slot, owner.CardName, end.Reason);
                owner.SetState(VpcdSlotState.Connecting, $"vpcd dropped the connection ({end.Reason})");
                if (end.Exchanged)
                {
                    // A connection that carried frames was healthy: the back-off starts again from the beginning.
                    _backoff.Restart();
                }
                await _backoff.WaitAsync(connection).ConfigureAwait(false);
                break;
            case VpcdConnectionEndKind.Torn:
                insertion.TornOut(options.ReinsertAfterTear);
                _backoff.Restart();
                break;
            case VpcdConnectionEndKind.Removed:
                VpcdLog.Removed(owner.Logger, owner.Slot, owner.CardName);
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
                byte[]? frame = await VpcdFraming.ReadFrameAsync(socket, connection).ConfigureAwait(false);
                if (frame is null)
                {
                    return new VpcdConnectionEnd(VpcdConnectionEndKind.ReaderClosed, "closed by vpcd", exchanged);
                }
                exchanged = true;
                if (frame.Length == 1)
                {
                    (byte[]? reply, bool lostPower) = card.HandleControl(frame[0]);
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
                (byte[]? response, bool remove) = card.HandleApdu(frame);
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
