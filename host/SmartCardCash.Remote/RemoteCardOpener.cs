using SmartCardCash.CardAccess;

namespace SmartCardCash.Remote;

/// <summary>Opens <c>tcp://host:port</c> card addresses as <see cref="RemoteCardChannel"/>s.</summary>
public sealed class RemoteCardOpener(RemoteCardOptions? options = null) : ICardOpener
{
    public CardConnection Open(CardAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Kind != CardAddressKind.Remote)
        {
            throw new ArgumentException($"{address} is not a remote card address (tcp://HOST:PORT).", nameof(address));
        }
        var channel = new RemoteCardChannel(address.Host!, address.Port, options);
        return new CardConnection(address, channel, channel.Name);
    }

    /// <summary>Makes <paramref name="opener"/> open <c>tcp://</c> addresses through this channel.</summary>
    public static CardOpener Register(CardOpener opener, RemoteCardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(opener);
        return opener.Register(CardAddressKind.Remote, new RemoteCardOpener(options));
    }
}
