using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>
/// The reader side of the vpcd protocol, for tests without pcscd: a TCP listener on loopback that accepts the
/// bridge's connections and speaks the framing itself (written apart from the bridge's, so each checks the other).
/// </summary>
internal sealed class FakeVpcd : IDisposable
{
    /// <summary>Generous liveness bound for anything the fake waits for; never a timing assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly List<FakeVpcdConnection> _connections = [];
    private readonly int _backlog;
    private Socket? _listener;

    /// <param name="port">0 picks a free port.</param>
    /// <param name="backlog">Connections the kernel completes before they are accepted. vpcd itself listens with 0,
    /// which Linux takes as room for one: while vpcd serves a card, one more connection waits, later ones are dropped.</param>
    public FakeVpcd(int port = 0, int backlog = 4)
    {
        _backlog = backlog;
        Port = Listen(port);
    }

    public int Port { get; private set; }

    /// <summary>Two fakes on consecutive ports, like vpcd's slots 0 and 1.</summary>
    public static (FakeVpcd Slot0, FakeVpcd Slot1) Pair()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = Random.Shared.Next(20_000, 32_767); // below Linux's ephemeral ports, which other tests' connections take
            FakeVpcd? first = null;
            try
            {
                first = new FakeVpcd(port);
                return (first, new FakeVpcd(port + 1));
            }
            catch (SocketException) when (attempt < 100)
            {
                first?.Dispose();
            }
        }
    }

    public bool IsListening => _listener is not null;

    /// <summary>Waits for the bridge to connect.</summary>
    public async Task<FakeVpcdConnection> AcceptAsync()
    {
        Socket listener = _listener ?? throw new InvalidOperationException("the fake vpcd is stopped");
        using var timeout = new CancellationTokenSource(Patience);
        Socket socket;
        try
        {
            socket = await listener.AcceptAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the bridge did not connect to the fake vpcd on port {Port} within {Patience.TotalSeconds} s");
        }
        socket.NoDelay = true;
        var connection = new FakeVpcdConnection(socket);
        lock (_connections)
        {
            _connections.Add(connection);
        }
        return connection;
    }

    /// <summary>Waits for the bridge to connect and powers the card on, as vpcd does when a program connects to it.</summary>
    public async Task<FakeVpcdConnection> AcceptPoweredAsync()
    {
        FakeVpcdConnection connection = await AcceptAsync();
        await connection.PowerOnAsync();
        return connection;
    }

    /// <summary>True if the bridge connects within <paramref name="wait"/> (the connection is then closed).</summary>
    public async Task<bool> ConnectsWithinAsync(TimeSpan wait)
    {
        Socket listener = _listener ?? throw new InvalidOperationException("the fake vpcd is stopped");
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            using Socket socket = await listener.AcceptAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Like pcscd stopping: closes every connection and stops listening.</summary>
    public void Stop()
    {
        _listener?.Dispose();
        _listener = null;
        lock (_connections)
        {
            foreach (FakeVpcdConnection connection in _connections)
            {
                connection.Dispose();
            }
            _connections.Clear();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Start()
    {
        if (_listener is null)
        {
            Listen(Port);
        }
    }

    public void Dispose() => Stop();

    private int Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(_backlog);
        _listener = listener;
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
