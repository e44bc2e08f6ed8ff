using System.Buffers.Binary;
using System.Net.Sockets;
using SmartCardCash.CardAccess;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Remote;

/// <summary>
/// A card served by a <see cref="PayeeListener"/> elsewhere, as an <see cref="ICardChannel"/> named
/// <c>tcp://host:port</c>: one command frame out, one response frame back (see <see cref="RemoteProtocol"/>). The far
/// side lets through only what paying into its card needs; everything else comes back as 6900.
/// </summary>
/// <remarks>
/// <para>Opening connects and exchanges the hello, so "nobody listening" and "busy" are reported before anything is
/// sent (<see cref="RemoteCardUnavailableException"/>). Every later failure — a dropped connection, a response that
/// does not come within <see cref="RemoteCardOptions.ResponseTimeout"/>, a broken frame — is a
/// <see cref="CardCommunicationException"/> for that command: whether the card processed it is unknown, as with a card
/// pulled from a reader. The command is never sent again by the channel.</para>
/// <para>After such a failure the next <see cref="Transmit"/> connects again (once): a new connection to the listener
/// and a new session with the card, which must start with SELECT. That is how a payment coordinator reaches a dropped
/// payee again to resume.</para>
/// <para>Not thread-safe, like any card channel.</para>
/// </remarks>
public sealed class RemoteCardChannel : ICardChannel
{
    private static readonly TimeSpan BusyRetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _host;
    private readonly int _port;
    private readonly RemoteCardOptions _options;
    private TcpClient? _client;
    private NetworkStream? _stream;
    private bool _disposed;

    /// <exception cref="RemoteCardUnavailableException">Nobody listens there, or the card is busy with another payment.</exception>
    /// <exception cref="CardCommunicationException">The connection or the hello failed otherwise (timeout, not a payee listener).</exception>
    public RemoteCardChannel(string host, int port, RemoteCardOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        _host = host;
        _port = port;
        _options = options ?? new RemoteCardOptions();
        Name = CardAddress.Remote(host, port).ToString();
        Connect(initial: true);
    }

    /// <summary>"tcp://host:port".</summary>
    public string Name { get; }

    /// <summary>The payee card's ATR, as its listener reported it.</summary>
    public ReadOnlyMemory<byte> Atr { get; private set; }

    public CardProtocol Protocol { get; private set; }

    /// <summary>Whether a connection is open now (false after a failure, until the next <see cref="Transmit"/> reconnects).</summary>
    public bool IsConnected => _stream is not null;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (command.Length is < RemoteProtocol.MinCommandLength or > RemoteProtocol.MaxCommandLength)
        {
            throw new ApduFormatException(
                $"a remote card takes short APDUs of {RemoteProtocol.MinCommandLength} to {RemoteProtocol.MaxCommandLength} bytes; got {command.Length}");
        }
        if (_stream is null)
        {
            Reconnect();
        }
        NetworkStream stream = _stream!;
        try
        {
            byte[] frame = new byte[2 + command.Length];
            BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)command.Length);
            command.CopyTo(frame.AsSpan(2));
            stream.Write(frame);
            byte[] header = new byte[2];
            stream.ReadExactly(header);
            int length = BinaryPrimitives.ReadUInt16BigEndian(header);
            if (length is < RemoteProtocol.MinResponseLength or > RemoteProtocol.MaxResponseLength)
            {
                Drop();
                throw new RemoteProtocolException($"{Name} sent a response frame of {length} bytes; 2 to 258 are possible");
            }
            byte[] response = new byte[length];
            stream.ReadExactly(response);
            return response;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Drop();
            throw new CardCommunicationException(IsTimeout(e)
                ? $"{Name} did not answer within {_options.ResponseTimeout.TotalSeconds:0} s; the connection was closed"
                : $"the connection to {Name} dropped ({Reason(e)})", e);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Drop();
    }

    public override string ToString() => Name;

    /// <summary>
    /// Connects again after a failure. The listener may not have noticed yet that the old connection dropped, and
    /// answers "busy" until it does: that is waited out, up to <see cref="RemoteCardOptions.BusyWait"/>.
    /// </summary>
    private void Reconnect()
    {
        DateTime giveUp = DateTime.UtcNow + _options.BusyWait;
        while (true)
        {
            try
            {
                Connect(initial: false);
                return;
            }
            catch (RemoteCardBusyException) when (DateTime.UtcNow < giveUp)
            {
                Thread.Sleep(BusyRetryInterval);
            }
        }
    }

    private void Connect(bool initial)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            using (var timeout = new CancellationTokenSource(_options.ConnectTimeout))
            {
                client.ConnectAsync(_host, _port, timeout.Token).AsTask().GetAwaiter().GetResult();
            }
            client.ReceiveTimeout = (int)_options.ResponseTimeout.TotalMilliseconds;
            client.SendTimeout = (int)_options.ResponseTimeout.TotalMilliseconds;
            NetworkStream stream = client.GetStream();
            byte[] hello = [.. RemoteProtocol.Magic, RemoteProtocol.Version];
            stream.Write(hello);
            byte[] reply = new byte[RemoteProtocol.ServerHelloFixedLength];
            stream.ReadExactly(reply);
            if (!reply.AsSpan(0, 4).SequenceEqual(RemoteProtocol.Magic) || reply[4] != RemoteProtocol.Version)
            {
                throw new RemoteProtocolException($"{Name} is not a SmartCardCash payee listener (version {RemoteProtocol.Version})");
            }
            var status = (RemoteHelloStatus)reply[5];
            if (status != RemoteHelloStatus.Ready)
            {
                string why = status switch
                {
                    RemoteHelloStatus.Busy => $"{Name} is busy with another payment: one payment at a time per card; try again when it is done",
                    RemoteHelloStatus.TooManyConnections => $"{Name} has too many connections open; try again shortly",
                    RemoteHelloStatus.VersionNotSupported => $"{Name} does not speak version {RemoteProtocol.Version} of the remote protocol",
                    _ => $"{Name} refused the connection (status {(byte)status:X2})",
                };
                throw initial && status != RemoteHelloStatus.VersionNotSupported ? new RemoteCardUnavailableException(why, isBusy: status == RemoteHelloStatus.Busy)
                    : status == RemoteHelloStatus.Busy ? new RemoteCardBusyException(why)
                    : new CardCommunicationException(why);
            }
            int atrLength = reply[7];
            if (atrLength > RemoteProtocol.MaxAtrLength)
            {
                throw new RemoteProtocolException($"{Name} announced an ATR of {atrLength} bytes");
            }
            byte[] atr = new byte[atrLength];
            stream.ReadExactly(atr);
            Protocol = Enum.IsDefined((CardProtocol)reply[6]) ? (CardProtocol)reply[6] : CardProtocol.Unknown;
            Atr = atr;
            _client = client;
            _stream = stream;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            client.Dispose();
            bool refused = e is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
            string text = e is OperationCanceledException || IsTimeout(e)
                ? $"{Name} did not answer within {_options.ConnectTimeout.TotalSeconds:0} s"
                : refused && initial
                    ? $"nobody is receiving payments at {Name} (connection refused): start 'scc receive' there first"
                    : $"cannot connect{(initial ? "" : " again")} to {Name} ({Reason(e)})";
            throw initial && (refused || e is SocketException)
                ? new RemoteCardUnavailableException(text, e)
                : new CardCommunicationException(text, e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private void Drop()
    {
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
    }

    private static bool IsTimeout(Exception e) =>
        e is SocketException { SocketErrorCode: SocketError.TimedOut } ||
        e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut };

    private static string Reason(Exception e) => e switch
    {
        EndOfStreamException => "closed by the other side",
        SocketException s => Words(s.SocketErrorCode),
        { InnerException: SocketException s } => Words(s.SocketErrorCode),
        _ => e.Message.TrimEnd('.'),
    };

    private static string Words(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by the other side",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.TimedOut => "timed out",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        _ => error.ToString(),
    };
}
