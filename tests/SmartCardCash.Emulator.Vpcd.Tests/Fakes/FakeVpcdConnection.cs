using System.Buffers.Binary;
using System.Net.Sockets;

namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>One card connection as vpcd sees it: send controls and APDUs, read the card's frames.</summary>
internal sealed class FakeVpcdConnection(Socket socket) : IDisposable
{
    /// <summary>Delay between the bytes of a frame sent byte by byte, so each byte is a segment of its own.</summary>
    private static readonly TimeSpan ByteGap = TimeSpan.FromMilliseconds(2);

    public Task PowerOnAsync() => SendAsync([0x01]);

    public Task PowerOffAsync() => SendAsync([0x00]);

    public Task ResetAsync() => SendAsync([0x02]);

    /// <summary>Sends get ATR and returns the answer.</summary>
    public async Task<byte[]> GetAtrAsync(bool byteByByte = false)
    {
        await SendAsync([0x04], byteByByte);
        return await ReadFrameAsync() ?? throw new IOException("the bridge closed the connection instead of sending the ATR");
    }

    /// <summary>Sends a command APDU; returns the response, or null when the bridge closed the connection instead.</summary>
    public async Task<byte[]?> TransmitAsync(byte[] command, bool byteByByte = false)
    {
        await SendAsync(command, byteByByte);
        return await ReadFrameAsync();
    }

    public async Task<ResponseApdu> TransmitAsync(string hex)
    {
        byte[] response = await TransmitAsync(Hex.Decode(hex)) ?? throw new IOException($"the bridge dropped the connection on {hex}");
        return ResponseApdu.Parse(response);
    }

    /// <summary>Sends one framed payload, in one segment or byte by byte.</summary>
    public Task SendAsync(byte[] payload, bool byteByByte = false)
    {
        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame, 2);
        return SendRawAsync(frame, byteByByte);
    }

    /// <summary>Sends bytes as they are (to build split, merged or broken frames).</summary>
    public async Task SendRawAsync(byte[] bytes, bool byteByByte = false)
    {
        if (!byteByByte)
        {
            await socket.SendAsync(bytes, SocketFlags.None);
            return;
        }
        for (int i = 0; i < bytes.Length; i++)
        {
            await socket.SendAsync(bytes.AsMemory(i, 1), SocketFlags.None);
            await Task.Delay(ByteGap);
        }
    }

    /// <summary>Reads one frame from the card; null when it closed the connection.</summary>
    public async Task<byte[]?> ReadFrameAsync()
    {
        using var timeout = new CancellationTokenSource(FakeVpcd.Patience);
        try
        {
            var header = new byte[2];
            if (!await FillAsync(header, timeout.Token))
            {
                return null;
            }
            var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
            if (!await FillAsync(payload, timeout.Token))
            {
                throw new IOException("the bridge closed the connection in the middle of a frame");
            }
            return payload;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the bridge sent nothing within {FakeVpcd.Patience.TotalSeconds} s");
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>True when the card closes the connection (rather than sending anything) within the patience.</summary>
    public async Task<bool> IsClosedByCardAsync()
    {
        try
        {
            return await ReadFrameAsync() is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => socket.Dispose();

    private async Task<bool> FillAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = await socket.ReceiveAsync(buffer[total..], SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return false;
            }
            total += read;
        }
        return true;
    }
}
