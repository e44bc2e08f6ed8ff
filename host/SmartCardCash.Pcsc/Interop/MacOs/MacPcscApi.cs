using SmartCardCash.Pcsc.Interop.Unix;

namespace SmartCardCash.Pcsc.Interop.MacOs;

/// <summary>
/// <see cref="IPcscApi"/> over macOS PCSC.framework: UTF-8 strings, 32-bit integers and handles (the managed nint
/// handles carry the 32-bit values), packed structs.
/// </summary>
internal sealed class MacPcscApi()
    : UnixPcscApi<MacPcscNative, int, uint, MacReaderState, MacIoRequest>(PcscPlatform.MacOs);
