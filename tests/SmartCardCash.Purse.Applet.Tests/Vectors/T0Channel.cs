using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Applet.Tests.Vectors;

/// <summary>
/// Behaves as a T=0 card does for case 4 commands: every response with data is first announced as 61xx and handed
/// out by GET RESPONSE. The runner has to fetch it.
/// </summary>
internal sealed class T0Channel : ICardChannel
{
    private readonly ICardChannel _inner;
    private byte[]? _held;

    public T0Channel(ICardChannel inner)
    {
        _inner = inner;
    }

    public string Name => _inner.Name;

    public ReadOnlyMemory<byte> Atr => _inner.Atr;

    public CardProtocol Protocol => CardProtocol.T0;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (_held is not null && command.Length == 5 && command[0] == 0x00 && command[1] == 0xC0)
        {
            byte[] held = _held;
            _held = null;
            return held;
        }
        _held = null;
        byte[] response = _inner.Transmit(command);
        if (response.Length > 2 && response[^2] == 0x90 && response[^1] == 0x00)
        {
            _held = response;
            return [0x61, (byte)(response.Length - 2)];
        }
        return response;
    }

    public void Dispose() => _inner.Dispose();
}
