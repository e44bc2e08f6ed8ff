namespace SmartCardCash.Pcsc;

/// <summary>
/// Which PC/SC implementation an <see cref="Interop.IPcscApi"/> talks to: the ABIs, some constants (SCARD_PROTOCOL_RAW,
/// control codes), the names of a few codes and the hints in messages differ.
/// </summary>
public enum PcscPlatform
{
    /// <summary>pcsc-lite (Linux and other Unix systems): libpcsclite.so.1, C long sized DWORD/LONG.</summary>
    PcscLite,

    /// <summary>winscard.dll: 32-bit DWORD/LONG, UTF-16 W functions.</summary>
    Windows,

    /// <summary>PCSC.framework: 32-bit DWORD/LONG, packed structs.</summary>
    MacOs,
}
