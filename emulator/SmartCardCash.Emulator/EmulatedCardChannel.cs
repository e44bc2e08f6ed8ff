using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Emulator;

/// <summary>
/// An in-process <see cref="ICardChannel"/> to an <see cref="EmulatedCard"/>: raw command bytes in, raw response bytes
/// out, exactly as the card produced them (61xx included: GET RESPONSE is the host's business). The channel is the
/// card's reader: commands pass through <see cref="EmulatedReader"/>, which answers the contactless <c>FF CA</c> itself.
/// </summary>
/// <remarks>
/// Opening the channel powers the card on if it is not powered. A power loss (or an unpowered card) surfaces as
/// <see cref="CardRemovedException"/>; after <see cref="EmulatedCard.PowerOn"/> the same channel works again.
/// Failing to save a durable card image surfaces as <see cref="CardCommunicationException"/> (the command's answer is not
/// given; see <see cref="Images.StoredCard"/>), with the <see cref="Images.CardImageSaveException"/> inside.
/// </remarks>
public sealed class EmulatedCardChannel : ICardChannel
{
    private readonly bool _powerOffOnDispose;
    private bool _disposed;

    public EmulatedCardChannel(EmulatedCard card, string name = "emulator", bool powerOffOnDispose = true)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Card = card;
        Name = name;
        _powerOffOnDispose = powerOffOnDispose;
        if (!card.IsPowered)
        {
            card.PowerOn();
        }
    }

    public EmulatedCard Card { get; }

    /// <summary>For example "emulator:alice".</summary>
    public string Name { get; }

    public ReadOnlyMemory<byte> Atr => Card.Atr;

    /// <summary>T=0 for a contact T=0 card, T=1 otherwise (PC/SC reports contactless cards as T=1).</summary>
    public CardProtocol Protocol => Card.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return EmulatedReader.Transmit(Card, command);
        }
        catch (Images.CardImageSaveException e)
        {
            throw new CardCommunicationException($"{Name}: {e.Message}", e);
        }
    }

    /// <summary>Powers the card off (unless the channel was opened with powerOffOnDispose: false).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_powerOffOnDispose)
        {
            Card.PowerOff();
        }
    }

    public override string ToString() => Name;
}
