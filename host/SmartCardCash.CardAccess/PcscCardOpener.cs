namespace SmartCardCash.CardAccess;

/// <summary>Opens <c>pcsc:READER</c>: finds the one reader READER names and connects to its card inside a transaction.</summary>
public sealed class PcscCardOpener(IPcscCardSource source) : ICardOpener
{
    public CardConnection Open(CardAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        IReadOnlyList<string> readers = source.ListReaders();
        string reader = ReaderMatch.Find(readers, address.Target) ?? throw new CardNotFoundException(readers.Count == 0
            ? $"no reader matches '{address.Target}': there is no smart card reader"
            : $"no reader matches '{address.Target}'; the readers are {ReaderMatch.Quote(readers)}", readers);
        var channel = source.Connect(reader);
        return new CardConnection(CardAddress.Pcsc(reader), channel, reader);
    }
}
