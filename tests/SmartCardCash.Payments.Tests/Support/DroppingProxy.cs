using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// A loopback TCP proxy in front of a payee listener that understands the remote protocol's frames and cuts its first
/// connection at command frame <c>dropAt</c> (counted from 0 after the hello). Later connections pass through,
/// unless <see cref="RefuseAfterDrop"/>, when the proxy stops accepting (the network stays down).
/// </summary>
internal sealed class DroppingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly int _dropAt;
    private readonly DropMode _mode;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public DroppingProxy(int targetPort, int dropAt, DropMode mode)
    {
        _target = targetPort;
        _dropAt = dropAt;
        _mode = mode;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool RefuseAfterDrop { get; init; }

    /// <summary>Whether the cut has happened.</summary>
    public bool Dropped { get; private set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            bool faulty = Interlocked.Increment(ref _connections) == 1;
            if (!faulty && RefuseAfterDrop)
            {
                client.Dispose();
                continue;
            }
            _ = RelayAsync(client, faulty);
        }
    }

    private async Task RelayAsync(TcpClient client, bool faulty)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                NetworkStream up = client.GetStream(), down = server.GetStream();
                await CopyAsync(up, down, 5);
                byte[] hello = await ReadAsync(down, 8);
                byte[] atr = await ReadAsync(down, hello[7]);
                await up.WriteAsync(hello.Concat(atr).ToArray(), _stop.Token);
                for (int index = 0; ; index++)
                {
                    byte[] command = await ReadFrameAsync(up);
                    if (faulty && index == _dropAt && _mode == DropMode.BeforeCommand)
                    {
                        Dropped = true;
                        return;
                    }
                    await down.WriteAsync(command, _stop.Token);
                    byte[] response = await ReadFrameAsync(down);
                    if (faulty && index == _dropAt && _mode == DropMode.AfterCommand)
                    {
                        Dropped = true;
                        return;
                    }
                    if (faulty && index == _dropAt && _mode == DropMode.StallAfterCommand)
                    {
                        // The payer sees its connection end; the listener sees nothing at all.
                        Dropped = true;
                        client.Dispose();
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }
                    await up.WriteAsync(response, _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side closed: so does the proxy.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, int length) =>
        await to.WriteAsync(await ReadAsync(from, length), _stop.Token);

    private async Task<byte[]> ReadFrameAsync(NetworkStream stream)
    {
        byte[] header = await ReadAsync(stream, 2);
        byte[] body = await ReadAsync(stream, BinaryPrimitives.ReadUInt16BigEndian(header));
        return [.. header, .. body];
    }

    private async Task<byte[]> ReadAsync(NetworkStream stream, int length)
    {
        byte[] buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer, _stop.Token);
        return buffer;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(RunningListener.Patience);
        }
        catch (AggregateException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }
}
