using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>One PC/SC context: the readers as they are now, and connections to their cards.</summary>
internal interface IPcscSession : IDisposable
{
    /// <summary>Every reader with its state bits and ATR; empty when there is no reader.</summary>
    IReadOnlyList<PcscReaderStatus> GetReaderStates();

    /// <summary>Connects in shared mode with T=0 or T=1, whichever the card offers.</summary>
    ICardConnection Connect(string readerName);
}
