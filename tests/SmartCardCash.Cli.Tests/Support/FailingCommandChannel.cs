using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// A card channel on which one instruction fails inside the card: it answers <c>status</c> (6581 memory failure, say)
/// without acting; every other command reaches the card.
/// </summary>
internal sealed class FailingCommandChannel(ICardChannel inner, byte instruction, StatusWord status) : ICardChannel
{
    public string Name => inner.Name;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public CardProtocol Protocol => inner.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command) =>
        command.Length > 1 && command[1] == instruction ? [status.Sw1, status.Sw2] : inner.Transmit(command);

    public void Dispose()
    {
        // The card connection owns the inner channel.
    }
}
