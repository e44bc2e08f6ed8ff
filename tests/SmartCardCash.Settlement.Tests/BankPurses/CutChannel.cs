using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>A channel whose card can be pulled at a <see cref="Cut"/>: from then on every command fails as a removed
/// card until <see cref="Reinsert"/>. <paramref name="remove"/> does to the card what removal does (power it off).</summary>
internal sealed class CutChannel(ICardChannel inner, Cut cut, Action remove, Action reinsert) : ICardChannel
{
    private bool _removed;

    public string Name => inner.Name;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public CardProtocol Protocol => inner.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (_removed)
        {
            throw new CardRemovedException($"{Name} was removed.");
        }
        int n = cut.Count++;
        if (n == cut.At && !cut.After)
        {
            throw Remove();
        }
        byte[] response = inner.Transmit(command);
        return n == cut.At ? throw Remove() : response;
    }

    public void Reinsert()
    {
        if (_removed)
        {
            reinsert();
        }
        _removed = false;
    }

    public void Dispose() => inner.Dispose();

    private CardRemovedException Remove()
    {
        _removed = true;
        cut.Fired = true;
        remove();
        return new CardRemovedException($"{Name} was removed.");
    }
}
