using SmartCardCash.Iso7816;

namespace SmartCardCash.Bench;

/// <summary>
/// A card that answers at once from memory, so that a benchmark measures the host's pipeline alone. It answers any
/// command with <c>61 xx</c> when told to chain (as a T=0 card does for case 4), and GET RESPONSE with the data.
/// </summary>
public sealed class InMemoryChannel(byte[] data, bool chain) : ICardChannel
{
    private readonly byte[] _direct = [.. data, 0x90, 0x00];
    private readonly byte[] _more = [0x61, (byte)data.Length];

    public string Name => "in-memory";

    public ReadOnlyMemory<byte> Atr => AtrBytes;

    public CardProtocol Protocol => chain ? CardProtocol.T0 : CardProtocol.T1;

    private static byte[] AtrBytes { get; } = [0x3B, 0x80, 0x80, 0x01, 0x01];

    public byte[] Transmit(ReadOnlySpan<byte> command) =>
        !chain || command[1] == 0xC0 ? _direct : _more;

    public void Dispose()
    {
    }
}
