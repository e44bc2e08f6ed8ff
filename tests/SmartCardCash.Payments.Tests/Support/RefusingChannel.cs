using SmartCardCash.Iso7816;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// A card that refuses one instruction with a status word without acting on it (a purse that lets no ABORT through, a
/// MINT failing with 6581 memory failure, say), and takes everything else as it comes.
/// </summary>
internal sealed class RefusingChannel(ICardChannel card, byte instruction, StatusWord answer) : ICardChannel
{
    public string Name => card.Name;

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public CardProtocol Protocol => card.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command) =>
        command.Length > 1 && command[1] == instruction ? [answer.Sw1, answer.Sw2] : card.Transmit(command);

    public void Dispose()
    {
        // Whoever opened the card's channel closes it.
    }
}
