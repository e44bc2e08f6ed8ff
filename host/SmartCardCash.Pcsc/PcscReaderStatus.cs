namespace SmartCardCash.Pcsc;

/// <summary>A snapshot of one reader: its name, state bits and the ATR of the card in it (empty when none).</summary>
public sealed record PcscReaderStatus(string ReaderName, PcscReaderStateFlags State, ReadOnlyMemory<byte> Atr)
{
    public bool IsCardPresent => (State & PcscReaderStateFlags.Present) != 0;

    /// <summary>The card is there but does not answer reset.</summary>
    public bool IsCardMute => (State & PcscReaderStateFlags.Mute) != 0;

    /// <summary>Another program holds the card exclusively.</summary>
    public bool IsExclusive => (State & PcscReaderStateFlags.Exclusive) != 0;

    /// <summary>Other programs are connected to the card in shared mode.</summary>
    public bool IsInUse => (State & PcscReaderStateFlags.InUse) != 0;
}
