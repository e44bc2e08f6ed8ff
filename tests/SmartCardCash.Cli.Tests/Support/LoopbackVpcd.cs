using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// Stands in for vpcd inside pcscd: listens on loopback at two neighbouring ports (slots 0 and 1 from
/// <see cref="PortBase"/>), accepts the cards' connections and holds them, and counts them. Like vpcd it polls a card
/// once when it takes its connection (get ATR), so the card is in the "reader", then sends nothing more: the cards sit
/// there until scc takes them out (which closes the connection).
/// </summary>
internal sealed class LoopbackVpcd : IDisposable
{
    private readonly TcpListener[] _listeners;
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Socket? _otherCard;
    private readonly List<Socket> _heldSilent = [];
    private Socket? _slot0Card;
    private volatile bool _slot0TakenByAnother;

    /// <param name="slot0HoldsAnotherCard">Slot 0 already serves another card (as vpcd with vsmartcard's vicc in it): it
    /// listens like vpcd, with a backlog of 0, has taken the other card's connection and takes no other.</param>
    public LoopbackVpcd(bool slot0HoldsAnotherCard = false)
    {
        (PortBase, _listeners) = ListenOnPair(slot0HoldsAnotherCard ? 0 : (int)SocketOptionName.MaxConnections);
        if (slot0HoldsAnotherCard)
        {
            _otherCard = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _otherCard.Connect(IPAddress.Loopback, PortBase);
            lock (_accepted)
            {
                _accepted.Add(_listeners[0].AcceptSocket());
            }
        }
        for (int slot = slot0HoldsAnotherCard ? 1 : 0; slot < _listeners.Length; slot++)
        {
            _ = AcceptAsync(_listeners[slot], slot);
        }
    }

    public int PortBase { get; }

    /// <summary>The cards' connections taken and polled (the card answered the ATR request).</summary>
    public int Connections
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count;
            }
        }
    }

    /// <summary>How many accepted connections the card side has closed (read end of stream).</summary>
    public int Closed
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count(s => s.Poll(0, SelectMode.SelectRead) && s.Available == 0);
            }
        }
    }

    /// <summary>A pair of neighbouring loopback ports where nothing listens (the "pcscd not running" case).</summary>
    public static int FreePortPair()
    {
        (int port, TcpListener[] listeners) = ListenOnPair();
        foreach (TcpListener listener in listeners)
        {
            listener.Stop();
        }
        return port;
    }

    /// <summary>
    /// Another card takes slot 0 while ours is in it (as when vicc wins the slot after vpcd restarts): the card in slot
    /// 0 is dropped, and every connection slot 0 takes from then on is held without a word, as vpcd holds the
    /// connections queued behind the card it serves.
    /// </summary>
    public void GiveSlot0ToAnotherCard()
    {
        _slot0TakenByAnother = true;
        lock (_accepted)
        {
            if (_slot0Card is not null)
            {
                _accepted.Remove(_slot0Card);
                _slot0Card.Dispose();
                _slot0Card = null;
            }
        }
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; false if it never did.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }
            Thread.Sleep(20);
        }
        return true;
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (TcpListener listener in _listeners)
        {
            listener.Stop();
        }
        lock (_accepted)
        {
            _accepted.ForEach(s => s.Dispose());
        }
        lock (_heldSilent)
        {
            _heldSilent.ForEach(s => s.Dispose());
        }
        _otherCard?.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, int slot)
    {
        try
        {
            while (true)
            {
                Socket socket = await listener.AcceptSocketAsync(_stop.Token);
                if (slot == 0 && _slot0TakenByAnother)
                {
                    lock (_heldSilent)
                    {
                        _heldSilent.Add(socket);
                    }
                    continue;
                }
                try
                {
                    await PollAsync(socket);
                }
                catch (SocketException)
                {
                    // The card left before answering: not in the reader.
                    socket.Dispose();
                    continue;
                }
                lock (_accepted)
                {
                    _accepted.Add(socket);
                    _slot0Card = slot == 0 ? socket : _slot0Card;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    /// <summary>vpcd's first message on a connection it takes: get ATR (a frame of one byte, 04); reads the answer.</summary>
    private async Task PollAsync(Socket socket)
    {
        await socket.SendAsync(new byte[] { 0x00, 0x01, 0x04 }, SocketFlags.None, _stop.Token);
        var header = new byte[2];
        await ReceiveExactlyAsync(socket, header);
        await ReceiveExactlyAsync(socket, new byte[(header[0] << 8) | header[1]]);
    }

    private async Task ReceiveExactlyAsync(Socket socket, byte[] buffer)
    {
        for (int read = 0; read < buffer.Length;)
        {
            int received = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, _stop.Token);
            if (received == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }
            read += received;
        }
    }

    private static (int Port, TcpListener[] Listeners) ListenOnPair(int slot0Backlog = (int)SocketOptionName.MaxConnections)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            // Both ports below Linux's ephemeral range (32768-60999), so the kernel never hands either out to an
            // outgoing connection meanwhile (a port checked free and released stays free for its real user).
            int port = Random.Shared.Next(20_000, 32_767);
            var first = new TcpListener(IPAddress.Loopback, port);
            var second = new TcpListener(IPAddress.Loopback, port + 1);
            try
            {
                first.Start(slot0Backlog);
                second.Start();
                return (port, [first, second]);
            }
            catch (SocketException)
            {
                first.Stop();
                second.Stop();
            }
        }
        throw new InvalidOperationException("no free pair of loopback ports");
    }
}
