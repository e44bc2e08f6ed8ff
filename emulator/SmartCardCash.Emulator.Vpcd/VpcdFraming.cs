using System.Buffers.Binary;
using System.Net.Sockets;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// vpcd's framing, both ways: a 2-byte big-endian payload length, then the payload. TCP delivers a byte stream, so a
/// receive may return any part of a frame; reads loop until the frame is complete.
/// </summary>
/// <remarks>
/// vpcd writes a frame's length and its payload with two send() calls on a socket without TCP_NODELAY, so Nagle's
/// algorithm holds the payload back until the length is acknowledged, and Linux delays that ACK (up to 40 ms) on a
/// connection that answers each request. So after the length the bridge asks its kernel to acknowledge at once
/// (TCP_QUICKACK): without it, every command APDU waited about 40 ms.
/// </remarks>
internal static class VpcdFraming
{
    /// <summary>The longest payload a 2-byte length can announce.</summary>
    public const int MaxPayloadLength = ushort.MaxValue;

    // Linux's IPPROTO_TCP and TCP_QUICKACK (netinet/tcp.h); .NET names neither.
    private const int IpProtoTcp = 6;
    private const int TcpQuickAck = 12;
    private static readonly byte[] One = BitConverter.GetBytes(1);

    /// <summary>
    /// Reads one frame. Returns null when the peer closed the connection between frames; throws
    /// <see cref="VpcdProtocolException"/> when it closed in the middle of one.
    /// </summary>
    public static async ValueTask<byte[]?> ReadFrameAsync(Socket socket, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        int read = await ReadFullyAsync(socket, header, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }
        if (read < header.Length)
        {
            throw new VpcdProtocolException("vpcd closed the connection in the middle of a frame's length");
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(header);
        if (length > 0)
        {
            AcknowledgeNow(socket);
        }
        var payload = new byte[length];
        read = await ReadFullyAsync(socket, payload, cancellationToken).ConfigureAwait(false);
        if (read < length)
        {
            throw new VpcdProtocolException($"vpcd closed the connection after {read} of the {length} bytes of a frame");
        }
        return payload;
    }

    /// <summary>Sends one frame, looping until the socket took every byte.</summary>
    public static async ValueTask WriteFrameAsync(Socket socket, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxPayloadLength)
        {
            throw new ArgumentException(
                $"a vpcd frame carries at most {MaxPayloadLength} bytes; got {payload.Length}", nameof(payload));
        }
        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.Span.CopyTo(frame.AsSpan(2));
        int sent = 0;
        while (sent < frame.Length)
        {
            sent += await socket.SendAsync(frame.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the ACK the kernel is holding back for what was read so far, so that a peer whose Nagle algorithm waits for
    /// it sends the rest of the frame now. Linux only (elsewhere delayed ACKs are left as they are); best effort.
    /// </summary>
    internal static void AcknowledgeNow(Socket socket)
    {
        if (!OperatingSystem.IsLinux() || socket.ProtocolType != ProtocolType.Tcp)
        {
            return;
        }
        try
        {
            socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, One);
        }
        catch (SocketException)
        {
            // Only latency depends on it; the frame still arrives after the delayed ACK.
        }
    }

    /// <summary>Fills <paramref name="buffer"/>; returns fewer bytes only when the peer closed (a 0-byte receive).</summary>
    private static async ValueTask<int> ReadFullyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = await socket.ReceiveAsync(buffer[total..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
