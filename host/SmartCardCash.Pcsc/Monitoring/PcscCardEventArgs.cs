namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>
/// A card was inserted or removed. <see cref="Atr"/> is the card's ATR (on removal: the ATR it had), empty for a
/// card that does not answer reset.
/// </summary>
public sealed class PcscCardEventArgs(string readerName, ReadOnlyMemory<byte> atr, PcscReaderStateFlags state,
    PcscMonitorEventCause cause) : EventArgs
{
    public string ReaderName { get; } = readerName;

    public ReadOnlyMemory<byte> Atr { get; } = atr;

    /// <summary>The reader's state bits when the event was detected.</summary>
    public PcscReaderStateFlags State { get; } = state;

    public PcscMonitorEventCause Cause { get; } = cause;
}
