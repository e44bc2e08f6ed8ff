using System.Buffers.Binary;
using System.Net.Sockets;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// vpcd's framing, both ways: a 2-byte big-endian payload length, then the payload. TCP delivers a byte stream, so a
/// receive may return any part of a frame; reads loop until the frame is complete.
/// </summary>
internal static class VpcdFraming
{
    /// <summary>The longest payload a 2-byte length can announce.</summary>
    public const int MaxPayloadLength = ushort.MaxValue;

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
