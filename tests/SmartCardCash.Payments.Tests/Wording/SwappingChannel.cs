using SmartCardCash.Iso7816;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>A reader whose card is swapped for another one while a payment runs: from <see cref="Swap"/> on, every
/// command goes to the other card.</summary>
internal sealed class SwappingChannel(ICardChannel first, ICardChannel second) : ICardChannel
{
    private ICardChannel _current = first;

    public string Name { get; } = first.Name;

    public ReadOnlyMemory<byte> Atr => _current.Atr;

    public CardProtocol Protocol => _current.Protocol;

    public void Swap() => _current = second;

    public byte[] Transmit(ReadOnlySpan<byte> command) => _current.Transmit(command);

    public void Dispose()
    {
    }
}
