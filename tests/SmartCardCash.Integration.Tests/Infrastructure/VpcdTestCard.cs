using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// A minimal card for vsmartcard's vpcd reader driver: it connects to vpcd's TCP port (that is "inserting" it), answers
/// pcscd's power and ATR requests, and answers every APDU through its <c>apduHandler</c>. Closing the connection is
/// "removing" it. The real emulator bridge lives in the emulator; this one only proves the PC/SC layers.
/// </summary>
/// <remarks>Frames are a 2-byte big-endian length and a payload; a 1-byte payload is a control message (00 power off,
/// 01 power on, 02 reset, 04 get ATR, answered with the ATR). Power messages get no answer. A handler that returns
/// null pulls the card out in the middle of that command: the connection closes instead of answering.</remarks>
public sealed class VpcdTestCard : IDisposable
{
    /// <summary>A T=1 ATR with historical bytes "SCC-TEST" and its TCK.</summary>
    public static readonly byte[] DefaultAtr = WithTck([0x3B, 0x88, 0x80, 0x01, .. "SCC-TEST"u8]);

    private readonly int _port;
    private readonly Func<byte[], byte[]?> _handler;
    private TcpClient? _client;
    private Thread? _thread;

    public VpcdTestCard(int port, Func<byte[], byte[]?> apduHandler, byte[]? atr = null)
    {
        _port = port;
        _handler = apduHandler;
        Atr = atr ?? DefaultAtr;
    }

    public byte[] Atr { get; }

    /// <summary>Every APDU the card received, in order.</summary>
    public List<byte[]> Received { get; } = [];

    public int PowerOnCount { get; private set; }

    public void Insert()
    {
        var client = new TcpClient { NoDelay = true };
        PrivatePcscd.WaitUntil(() => TryConnect(client), TimeSpan.FromSeconds(10), $"vpcd did not accept the card on port {_port}");
        _client = client;
        NetworkStream stream = client.GetStream();
        _thread = new Thread(() => Serve(stream)) { IsBackground = true, Name = $"vpcd card {_port}" };
        _thread.Start();
    }

    public void Remove()
    {
        _client?.Close();
        _client = null;
        _thread?.Join(TimeSpan.FromSeconds(5));
        _thread = null;
    }

    public void Dispose() => Remove();

    private bool TryConnect(TcpClient client)
    {
        try
        {
            client.Connect(IPAddress.Loopback, _port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Serve(NetworkStream stream)
    {
        var lengthBytes = new byte[2];
        try
        {
            while (true)
            {
                stream.ReadExactly(lengthBytes);
                var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthBytes)];
                stream.ReadExactly(payload);
                if (payload.Length == 1)
                {
                    switch (payload[0])
                    {
                        case 0x01:
                            PowerOnCount++;
                            break;
                        case 0x04:
                            Send(stream, Atr);
                            break;
                    }
                    continue;
                }
                lock (Received)
                {
                    Received.Add(payload);
                }
                byte[]? answer = _handler(payload);
                if (answer is null)
                {
                    stream.Close();
                    return;
                }
                Send(stream, answer);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or EndOfStreamException)
        {
            // Removed: our side or vpcd closed the connection.
        }
    }

    private static void Send(NetworkStream stream, byte[] payload)
    {
        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame, 2);
        stream.Write(frame);
    }

    private static byte[] WithTck(byte[] atrWithoutTck)
    {
        byte tck = 0;
        for (int i = 1; i < atrWithoutTck.Length; i++)
        {
            tck ^= atrWithoutTck[i];
        }
        return [.. atrWithoutTck, tck];
    }
}
