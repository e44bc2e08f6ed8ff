using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// An emulated card's channel that can be told to fail one exchange (by its index on this channel) in one of the
/// ways of <see cref="FaultKind"/>, and that records every command sent. A removed card stays unpowered (and so
/// answers nothing) until <see cref="TestCard.Reinsert"/>.
/// </summary>
internal sealed class FaultyChannel(EmulatedCard card, string name) : ICardChannel
{
    public string Name { get; } = name;

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public CardProtocol Protocol => card.Protocol;

    /// <summary>Every command that reached this channel, in order (also those the fault kept from the card).</summary>
    public List<byte[]> Sent { get; } = [];

    /// <summary>The exchange index (on this channel) to fail, counted from the last <see cref="FailAt"/>.</summary>
    public int? FaultIndex { get; private set; }

    public FaultKind Fault { get; private set; }

    /// <summary>Whether the armed fault has fired.</summary>
    public bool Fired { get; private set; }

    public void FailAt(int index, FaultKind kind)
    {
        FaultIndex = Sent.Count + index;
        Fault = kind;
        Fired = false;
    }

    public void Disarm() => FaultIndex = null;

    /// <summary>Changes commands on their way to the card (a tampering relay); null for none.</summary>
    public Func<byte[], byte[]>? Rewrite { get; set; }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        int index = Sent.Count;
        Sent.Add(command.ToArray());
        if (Rewrite is not null)
        {
            command = Rewrite(command.ToArray());
        }
        if (index != FaultIndex)
        {
            return card.Transmit(command);
        }
        Fired = true;
        FaultIndex = null;
        switch (Fault)
        {
            case FaultKind.RemoveBefore:
                card.PowerOff();
                throw new CardRemovedException($"{Name}: the card was removed");
            case FaultKind.RemoveAfter:
                card.Transmit(command);
                card.PowerOff();
                throw new CardRemovedException($"{Name}: the card was removed");
            default:
                card.Transmit(command);
                throw new CardCommunicationException($"{Name}: the answer was lost in transit");
        }
    }

    public void Dispose()
    {
    }
}
