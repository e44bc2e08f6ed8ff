namespace SmartCardCash.CardAccess;

/// <summary>
/// Opens the cards of one <see cref="CardAddressKind"/>. <see cref="CardOpener"/> holds one per kind; the remote card
/// channel plugs in by registering an opener for <see cref="CardAddressKind.Remote"/>:
/// <code>opener.Register(CardAddressKind.Remote, new TcpCardOpener(...));</code>
/// </summary>
public interface ICardOpener
{
    /// <summary>Opens the card at <paramref name="address"/>, which is of the kind this opener was registered for.</summary>
    /// <exception cref="Iso7816.Errors.SmartCardException">The card cannot be reached (the subtype says why).</exception>
    /// <exception cref="LocalData.LocalDataException">Local data behind the card is corrupt or in use.</exception>
    CardConnection Open(CardAddress address);
}
