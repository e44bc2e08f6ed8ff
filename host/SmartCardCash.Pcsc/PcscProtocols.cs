namespace SmartCardCash.Pcsc;

/// <summary>
/// Transmission protocols in the managed representation. The native value of <see cref="Raw"/> differs per platform
/// (4 on pcsc-lite and macOS, 0x10000 on Windows); the platform layer translates.
/// </summary>
[Flags]
public enum PcscProtocols
{
    /// <summary>No protocol (SCARD_PROTOCOL_UNDEFINED), e.g. a direct connection to a reader without a card.</summary>
    None = 0,

    /// <summary>ISO/IEC 7816-3 T=0.</summary>
    T0 = 1,

    /// <summary>ISO/IEC 7816-3 T=1 (also used for contactless cards).</summary>
    T1 = 2,

    /// <summary>Raw exchange through the reader (SCARD_PROTOCOL_RAW).</summary>
    Raw = 4,

    /// <summary>T=15 (pcsc-lite only).</summary>
    T15 = 8,

    /// <summary>Let the reader choose T=0 or T=1 (SCARD_PROTOCOL_ANY).</summary>
    Any = T0 | T1,
}
