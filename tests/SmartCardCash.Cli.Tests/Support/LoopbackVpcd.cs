using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// Stands in for vpcd inside pcscd: listens on loopback at two neighbouring ports (slots 0 and 1 from
/// <see cref="PortBase"/>), accepts the cards' connections and holds them, and counts them. It sends nothing, so the
/// cards sit in the "reader" until scc takes them out (which closes the connection).
/// </summary>
internal sealed class LoopbackVpcd : IDisposable
{
    private readonly TcpListener[] _listeners;
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();

    public LoopbackVpcd()
    {
        (PortBase, _listeners) = ListenOnPair();
        foreach (TcpListener listener in _listeners)
        {
            _ = AcceptAsync(listener);
        }
    }

    public int PortBase { get; }

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
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                Socket socket = await listener.AcceptSocketAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private static (int Port, TcpListener[] Listeners) ListenOnPair()
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
                first.Start();
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
