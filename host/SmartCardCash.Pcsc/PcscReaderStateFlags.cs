namespace SmartCardCash.Pcsc;

/// <summary>
/// Reader state bits used by SCardGetStatusChange (SCARD_STATE_*, the low 16 bits; same values on every platform).
/// The high 16 bits of the native value carry an event counter, kept apart in <see cref="PcscReaderState"/>.
/// </summary>
[Flags]
public enum PcscReaderStateFlags
{
    /// <summary>SCARD_STATE_UNAWARE: the caller does not know the state yet; the call returns at once.</summary>
    Unaware = 0,

    /// <summary>SCARD_STATE_IGNORE: skip this entry.</summary>
    Ignore = 0x0001,

    /// <summary>SCARD_STATE_CHANGED: the state differs from the current state passed in.</summary>
    Changed = 0x0002,

    /// <summary>SCARD_STATE_UNKNOWN: the reader name is not known (the reader has gone).</summary>
    Unknown = 0x0004,

    /// <summary>SCARD_STATE_UNAVAILABLE: the reader's state cannot be read.</summary>
    Unavailable = 0x0008,

    /// <summary>SCARD_STATE_EMPTY: no card in the reader.</summary>
    Empty = 0x0010,

    /// <summary>SCARD_STATE_PRESENT: a card is in the reader.</summary>
    Present = 0x0020,

    /// <summary>SCARD_STATE_ATRMATCH: the card's ATR matches a searched card.</summary>
    AtrMatch = 0x0040,

    /// <summary>SCARD_STATE_EXCLUSIVE: another program holds the card exclusively.</summary>
    Exclusive = 0x0080,

    /// <summary>SCARD_STATE_INUSE: other programs are connected in shared mode.</summary>
    InUse = 0x0100,

    /// <summary>SCARD_STATE_MUTE: the card does not answer reset.</summary>
    Mute = 0x0200,

    /// <summary>SCARD_STATE_UNPOWERED: the card is not powered.</summary>
    Unpowered = 0x0400,
}
