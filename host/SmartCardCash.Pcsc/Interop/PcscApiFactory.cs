using SmartCardCash.Pcsc.Interop.Linux;
using SmartCardCash.Pcsc.Interop.MacOs;
using SmartCardCash.Pcsc.Interop.Windows;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>Picks the native <see cref="IPcscApi"/> for the operating system this process runs on.</summary>
public static class PcscApiFactory
{
    /// <summary>The PC/SC implementation of this operating system.</summary>
    public static PcscPlatform CurrentPlatform =>
        OperatingSystem.IsWindows() ? PcscPlatform.Windows
        : OperatingSystem.IsMacOS() ? PcscPlatform.MacOs
        : PcscPlatform.PcscLite;

    /// <summary>
    /// The native binding of this operating system. Creating it loads nothing: the library is loaded at the first call,
    /// and a missing one surfaces as <see cref="Iso7816.Errors.CardServiceUnavailableException"/> from
    /// <see cref="PcscContext.Establish(IPcscApi, PcscScope, Microsoft.Extensions.Logging.ILogger?)"/>.
    /// </summary>
    public static IPcscApi Create() => CurrentPlatform switch
    {
        PcscPlatform.Windows => new WindowsPcscApi(),
        PcscPlatform.MacOs => new MacPcscApi(),
        _ => new PcscLiteApi(),
    };

    /// <summary>The message for a missing native library, which means PC/SC is not installed at all.</summary>
    internal static string MissingLibraryMessage(PcscPlatform platform) => platform switch
    {
        PcscPlatform.Windows => "winscard.dll could not be loaded: PC/SC is not available on this Windows system",
        PcscPlatform.MacOs => "PCSC.framework could not be loaded: PC/SC is not available on this macOS system",
        _ => "libpcsclite.so.1 could not be loaded: install pcsc-lite (Debian/Ubuntu: apt install libpcsclite1 pcscd)",
    };
}
