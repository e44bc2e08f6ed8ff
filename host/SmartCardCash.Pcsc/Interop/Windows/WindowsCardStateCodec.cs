namespace SmartCardCash.Pcsc.Interop.Windows;

/// <summary>
/// Windows' SCardStatus reports one stage of an enumeration (SCARD_UNKNOWN 0 … SCARD_SPECIFIC 6) where pcsc-lite
/// reports bit flags. This maps each stage to the flags that describe it, so both look the same to callers.
/// </summary>
internal static class WindowsCardStateCodec
{
    public static PcscCardState ToFlags(uint windowsState) => windowsState switch
    {
        0 => PcscCardState.Unknown,
        1 => PcscCardState.Absent,
        2 => PcscCardState.Present,
        3 => PcscCardState.Present | PcscCardState.Swallowed,
        4 => PcscCardState.Present | PcscCardState.Powered,
        5 => PcscCardState.Present | PcscCardState.Powered | PcscCardState.Negotiable,
        6 => PcscCardState.Present | PcscCardState.Powered | PcscCardState.Specific,
        _ => PcscCardState.Unknown,
    };
}
