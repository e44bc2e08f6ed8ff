using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// A card channel whose card is pulled at one instruction: before the card sees it, or after the card acted on it and
/// before its answer reaches the host (the lost answer). Every command after that finds no card.
/// </summary>
internal sealed class PullingChannel(ICardChannel inner, byte instruction, bool afterCardActs) : ICardChannel
{
    private bool _pulled;

    public string Name => inner.Name;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public CardProtocol Protocol => inner.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (_pulled)
        {
            throw new CardRemovedException("the card was pulled from the reader");
        }
        if (command.Length > 1 && command[1] == instruction)
        {
            _pulled = true;
            if (afterCardActs)
            {
                inner.Transmit(command);
            }
            throw new CardRemovedException("the card was pulled from the reader");
        }
        return inner.Transmit(command);
    }

    public void Dispose()
    {
        // The card connection owns the inner channel.
    }
}
