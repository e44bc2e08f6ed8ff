namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// Translates <see cref="PcscProtocols"/> to and from the native SCARD_PROTOCOL_* values. T=0, T=1 and undefined are
/// the same everywhere; RAW is 4 on pcsc-lite and macOS but 0x10000 on Windows.
/// </summary>
internal static class PcscProtocolCodec
{
    public const uint PcscLiteRaw = 0x0004;
    public const uint WindowsRaw = 0x0001_0000;

    public static uint ToNative(PcscProtocols protocols, PcscPlatform platform)
    {
        var value = (uint)protocols;
        if (platform == PcscPlatform.Windows && (protocols & PcscProtocols.Raw) != 0)
        {
            value = (value & ~PcscLiteRaw) | WindowsRaw;
        }

        return value;
    }

    public static PcscProtocols FromNative(uint value, PcscPlatform platform)
    {
        if (platform == PcscPlatform.Windows && (value & WindowsRaw) != 0)
        {
            value = (value & ~WindowsRaw) | PcscLiteRaw;
        }

        return (PcscProtocols)(value & 0xF);
    }
}
