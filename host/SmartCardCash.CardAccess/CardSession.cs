using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;

namespace SmartCardCash.CardAccess;

/// <summary>
/// An opened card: its channel, what it is, and everything that must be undone when done. Disposing it closes the
/// channel and then releases what the opener acquired: an emulated card is powered off, saved and its image unlocked;
/// a PC/SC card's transaction is ended and it is disconnected.
/// </summary>
public sealed class CardSession : IDisposable
{
    private readonly IDisposable? _owner;
    private bool _disposed;

    /// <param name="address">The resolved address (never <see cref="CardAddressKind.Unresolved"/>).</param>
    /// <param name="channel">The card; disposed first.</param>
    /// <param name="displayName">How to name the card to a person: "alice", "Virtual PCD 00 00".</param>
    /// <param name="owner">Released after the channel (a stored image, a PC/SC context); may be null.</param>
    public CardSession(CardAddress address, ICardChannel channel, string displayName, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Address = address;
        Channel = channel;
        DisplayName = displayName;
        _owner = owner;
    }

    public CardAddress Address { get; }

    public ICardChannel Channel { get; }

    public string DisplayName { get; }

    /// <summary>The purse on this card, named <see cref="DisplayName"/> in messages. Call <see cref="PurseCard.Select"/> first.</summary>
    /// <param name="trace">Receives the APDU trace (lock codes redacted); null for none.</param>
    public PurseCard OpenPurse(ILogger? trace = null) => PurseCard.Open(Channel, DisplayName, trace);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            Channel.Dispose();
        }
        finally
        {
            _owner?.Dispose();
        }
    }

    public override string ToString() => $"{DisplayName} ({Address})";
}
