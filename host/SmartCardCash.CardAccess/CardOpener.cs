using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.CardAccess;

/// <summary>
/// Opens a card from its <see cref="CardAddress"/>, whatever kind it is: one <see cref="ICardOpener"/> per kind.
/// Emulated images and PC/SC readers are built in; other kinds plug in with <see cref="Register"/> (the remote card
/// channel registers <see cref="CardAddressKind.Remote"/>). A kind with no opener is a clear
/// <see cref="CardNotFoundException"/>.
/// </summary>
/// <remarks>
/// A bare name is resolved by <see cref="Resolve"/>: an emulated image with that name wins (PC/SC is not even asked,
/// so a bare name works without pcscd); otherwise it must match exactly one PC/SC reader, by full name or a unique
/// case-insensitive part. No match, or several readers, is a <see cref="CardNotFoundException"/> listing the cards
/// and readers there are.
/// </remarks>
public sealed class CardOpener
{
    private readonly Dictionary<CardAddressKind, ICardOpener> _openers = [];

    public CardOpener(EmulatedCardStore emulatedCards, IPcscCardSource pcsc)
    {
        ArgumentNullException.ThrowIfNull(emulatedCards);
        ArgumentNullException.ThrowIfNull(pcsc);
        EmulatedCards = emulatedCards;
        Pcsc = pcsc;
        _openers[CardAddressKind.Emulated] = new EmulatedCardOpener(emulatedCards);
        _openers[CardAddressKind.Pcsc] = new PcscCardOpener(pcsc);
    }

    /// <summary>The emulated cards under <paramref name="home"/> and the real PC/SC.</summary>
    public static CardOpener CreateDefault(string home, ILogger? pcscLogger = null) =>
        new(EmulatedCardStore.ForHome(home), new PcscCardSource(pcscLogger));

    public EmulatedCardStore EmulatedCards { get; }

    public IPcscCardSource Pcsc { get; }

    /// <summary>Installs (or replaces) the opener for <paramref name="kind"/>; returns this opener.</summary>
    public CardOpener Register(CardAddressKind kind, ICardOpener opener)
    {
        ArgumentNullException.ThrowIfNull(opener);
        if (kind == CardAddressKind.Unresolved)
        {
            throw new ArgumentException("bare names are resolved to another kind; register that kind instead.", nameof(kind));
        }
        _openers[kind] = opener;
        return this;
    }

    public bool CanOpen(CardAddressKind kind) => _openers.ContainsKey(kind);

    /// <summary>A bare name becomes <c>emu:NAME</c> or <c>pcsc:READER</c> (see the remarks); other addresses come back as they are.</summary>
    /// <exception cref="CardNotFoundException">No image and no single reader answer to the name.</exception>
    public CardAddress Resolve(CardAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Kind != CardAddressKind.Unresolved)
        {
            return address;
        }
        string name = address.Target;
        if (EmulatedCards.Exists(name))
        {
            return CardAddress.Emulated(name);
        }
        IReadOnlyList<string> readers;
        try
        {
            readers = Pcsc.ListReaders();
        }
        catch (CardServiceUnavailableException e)
        {
            throw new CardNotFoundException(
                $"'{name}' is not an emulated card{CardsHint()}, and there are no readers to look in: {e.Message}",
                EmulatedCards.List(), e);
        }
        string? reader = ReaderMatch.Find(readers, name);
        if (reader is not null)
        {
            return CardAddress.Pcsc(reader);
        }
        string readersText = readers.Count == 0 ? "there is no reader" : $"the readers are {ReaderMatch.Quote(readers)}";
        throw new CardNotFoundException($"'{name}' is neither an emulated card{CardsHint()} nor a reader ({readersText})",
            [.. EmulatedCards.List(), .. readers]);
    }

    /// <summary>Resolves and opens the card; dispose the connection when done.</summary>
    public CardConnection Open(CardAddress address)
    {
        CardAddress resolved = Resolve(address);
        if (!_openers.TryGetValue(resolved.Kind, out ICardOpener? opener))
        {
            throw new CardNotFoundException(resolved.Kind == CardAddressKind.Remote
                ? $"cannot open {resolved}: remote cards (tcp://) are not available in this build"
                : $"cannot open {resolved}: no opener for {resolved.Kind} cards in this build");
        }
        return opener.Open(resolved);
    }

    public CardConnection Open(string address) => Open(CardAddress.Parse(address));

    private string CardsHint()
    {
        IReadOnlyList<string> names = EmulatedCards.List();
        return names.Count == 0 ? " (there are none)" : $" (the cards are {ReaderMatch.Quote(names)})";
    }
}
