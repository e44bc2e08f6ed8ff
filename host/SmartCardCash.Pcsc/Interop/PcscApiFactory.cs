namespace SmartCardCash.Pcsc.Interop;

/// <summary>Picks the native <see cref="IPcscApi"/> for the operating system this process runs on.</summary>
internal static class PcscApiFactory
{
    public static PcscPlatform CurrentPlatform =>
        OperatingSystem.IsWindows() ? PcscPlatform.Windows
        : OperatingSystem.IsMacOS() ? PcscPlatform.MacOs
        : PcscPlatform.PcscLite;

    public static IPcscApi Create() => CurrentPlatform switch
    {
        PcscPlatform.Windows => new WindowsPcscApi(),
        PcscPlatform.MacOs => new MacPcscApi(),
        _ => new PcscLiteApi(),
    };

    /// <summary>The message for a missing native library, which means PC/SC is not installed at all.</summary>
    public static string MissingLibraryMessage(PcscPlatform platform) => platform switch
    {
        PcscPlatform.Windows => "winscard.dll could not be loaded: PC/SC is not available on this Windows system",
        PcscPlatform.MacOs => "PCSC.framework could not be loaded: PC/SC is not available on this macOS system",
        _ => "libpcsclite.so.1 could not be loaded: install pcsc-lite (Debian/Ubuntu: apt install libpcsclite1 pcscd)",
    };
}
