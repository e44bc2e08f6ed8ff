namespace SmartCardCash.Pcsc;

/// <summary>
/// Card state reported by SCardStatus, as flags. pcsc-lite and macOS report these bits directly; Windows reports one
/// value of an enumeration (0..6), which the Windows layer turns into the equivalent combination of these flags.
/// </summary>
[Flags]
public enum PcscCardState
{
    None = 0,

    /// <summary>SCARD_UNKNOWN: the driver does not know the state.</summary>
    Unknown = 0x0001,

    /// <summary>SCARD_ABSENT: no card in the reader.</summary>
    Absent = 0x0002,

    /// <summary>SCARD_PRESENT: a card is in the reader.</summary>
    Present = 0x0004,

    /// <summary>SCARD_SWALLOWED: the card is in position but not powered.</summary>
    Swallowed = 0x0008,

    /// <summary>SCARD_POWERED: the card is powered.</summary>
    Powered = 0x0010,

    /// <summary>SCARD_NEGOTIABLE: the card was reset and waits for protocol negotiation (PTS).</summary>
    Negotiable = 0x0020,

    /// <summary>SCARD_SPECIFIC: the card was reset and a protocol has been set.</summary>
    Specific = 0x0040,
}
