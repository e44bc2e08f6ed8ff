using SmartCardCash.Iso7816;
using SmartCardCash.LocalData;

namespace SmartCardCash.CardAccess;

/// <summary>
/// An opened card: its channel, what it is, and everything that must be undone when done. Disposing it closes the
/// channel and then releases what the opener acquired: an emulated card is powered off, saved and its image unlocked;
/// a PC/SC card's transaction is ended and it is disconnected.
/// </summary>
public sealed class CardConnection : IDisposable
{
    private readonly IDisposable? _owner;
    private readonly Func<LocalDataException?>? _localFailure;
    private bool _disposed;

    /// <param name="address">The resolved address (never <see cref="CardAddressKind.Unresolved"/>).</param>
    /// <param name="channel">The card; disposed first.</param>
    /// <param name="displayName">How to name the card to a person: "alice", "Virtual PCD 00 00".</param>
    /// <param name="owner">Released after the channel (a stored image, a PC/SC context); may be null.</param>
    /// <param name="localFailure">Says why the card stopped answering for a local reason (see <see cref="LocalFailure"/>); may be null.</param>
    public CardConnection(CardAddress address, ICardChannel channel, string displayName, IDisposable? owner = null,
        Func<LocalDataException?>? localFailure = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Address = address;
        Channel = channel;
        DisplayName = displayName;
        _owner = owner;
        _localFailure = localFailure;
    }

    public CardAddress Address { get; }

    public ICardChannel Channel { get; }

    public string DisplayName { get; }

    /// <summary>
    /// Why this card stopped answering for a local reason, or null: an emulated card whose image could not be saved (a
    /// cards folder this user may not write, a full disk) answers nothing after that, and stays as its image holds it.
    /// Trying again with the card present fails the same way; the local problem is what to fix.
    /// </summary>
    public LocalDataException? LocalFailure => _localFailure?.Invoke();

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
