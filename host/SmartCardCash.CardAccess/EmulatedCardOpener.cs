namespace SmartCardCash.CardAccess;

/// <summary>Opens <c>emu:NAME</c> from an <see cref="EmulatedCardStore"/>.</summary>
public sealed class EmulatedCardOpener(EmulatedCardStore store) : ICardOpener
{
    public CardConnection Open(CardAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return store.Open(address.Target);
    }
}
