using SmartCardCash.Iso7816;

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
