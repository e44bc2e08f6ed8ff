using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// The demo's hand on the reader: an emulated card's channel that pulls the card out (powers it off) just before a
/// chosen instruction reaches it, once. The card then answers nothing until it is put back with
/// <see cref="PutBack"/>, exactly as a card pulled from a real reader.
/// </summary>
internal sealed class RemovableChannel(EmulatedCardChannel inner) : ICardChannel
{
    private byte? _pullBefore;

    public string Name => inner.Name;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public CardProtocol Protocol => inner.Protocol;

    /// <summary>Pulls the card when the next command with this instruction comes.</summary>
    public void PullBefore(byte instruction) => _pullBefore = instruction;

    public void PutBack()
    {
        if (!inner.Card.IsPowered)
        {
            inner.Card.PowerOn();
        }
    }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (_pullBefore is { } instruction && command.Length > 1 && command[1] == instruction)
        {
            _pullBefore = null;
            inner.Card.PowerOff();
        }
        if (!inner.Card.IsPowered)
        {
            // What a reader says about a card that is not in it.
            throw new CardRemovedException("the card was pulled from the reader");
        }
        return inner.Transmit(command);
    }

    public void Dispose()
    {
        // The card connection owns the inner channel.
    }
}
