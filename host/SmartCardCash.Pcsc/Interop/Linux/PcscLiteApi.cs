using SmartCardCash.Pcsc.Interop.Unix;

namespace SmartCardCash.Pcsc.Interop.Linux;

/// <summary>
/// <see cref="IPcscApi"/> over pcsc-lite (libpcsclite.so.1): UTF-8 strings; LONG, DWORD and the handles are C long,
/// pointer-sized; SCARD_READERSTATE is naturally aligned.
/// </summary>
internal sealed class PcscLiteApi()
    : UnixPcscApi<PcscLiteNative, nint, nuint, PcscLiteReaderState, PcscLiteIoRequest>(PcscPlatform.PcscLite);
