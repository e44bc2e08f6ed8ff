using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>One attempt to open the TCP connection to vpcd's port (trying each address of the host in turn).</summary>
/// <param name="queueFull">Called when a connect to a loopback address is still unanswered after
/// <paramref name="occupiedAfter"/>. On this machine nothing delays a handshake but a full listen queue, and vpcd's
/// (it listens with a backlog of 0) is full when it serves another card and one more connection already waits.</param>
internal sealed class VpcdConnector(string host, int port, TimeSpan connectTimeout, TimeSpan occupiedAfter, Action queueFull)
{
    /// <summary>The connected socket, or null and why not ("connection refused", "no answer within 5 s", …).</summary>
    public async Task<(Socket? Socket, string? Failure)> TryConnectAsync(CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out IPAddress? literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return (null, $"cannot resolve {host}: {e.Message}");
        }
        string failure = $"{host} has no address";
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(connectTimeout);
            try
            {
                Task connect = socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).AsTask();
                if (IPAddress.IsLoopback(address))
                {
                    await WatchForFullQueueAsync(connect, timeout.Token).ConfigureAwait(false);
                }
                await connect.ConfigureAwait(false);
                return (socket, null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                failure = string.Create(CultureInfo.InvariantCulture, $"no answer within {connectTimeout.TotalSeconds:0.#} s");
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

    private async Task WatchForFullQueueAsync(Task connect, CancellationToken cancellationToken)
    {
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task elapsed = Task.Delay(occupiedAfter, watch.Token);
        if (await Task.WhenAny(connect, elapsed).ConfigureAwait(false) == elapsed && elapsed.IsCompletedSuccessfully && !connect.IsCompleted)
        {
            queueFull();
        }
        await watch.CancelAsync().ConfigureAwait(false);
    }
}
