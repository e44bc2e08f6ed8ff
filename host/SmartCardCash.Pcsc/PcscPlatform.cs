namespace SmartCardCash.Pcsc;

/// <summary>Which PC/SC implementation a native API talks to; the ABIs, some constants and the hints differ.</summary>
internal enum PcscPlatform
{
    /// <summary>pcsc-lite (Linux and other Unix systems): libpcsclite.so.1, C long sized DWORD/LONG.</summary>
    PcscLite,

    /// <summary>winscard.dll: 32-bit DWORD/LONG, UTF-16 W functions.</summary>
    Windows,

    /// <summary>PCSC.framework: 32-bit DWORD/LONG, packed structs.</summary>
    MacOs,
}
