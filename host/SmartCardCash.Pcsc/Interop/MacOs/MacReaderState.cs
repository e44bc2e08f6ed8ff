using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop.MacOs;

/// <summary>
/// SCARD_READERSTATE of macOS PCSC.framework: the pcsc-lite layout, but DWORD is uint32_t and the header wraps it in
/// #pragma pack(1). 64-bit only: 8 + 8 + 4 + 4 + 4 + 33 = 61 bytes, rgbAtr at offset 28.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct MacReaderState : INativeReaderState<MacReaderState>
{
    public const int MaxAtrSize = 33;

    public nint szReader;
    public nint pvUserData;
    public uint dwCurrentState;
    public uint dwEventState;
    public uint cbAtr;
    public fixed byte rgbAtr[MaxAtrSize];

    public static int AtrCapacity => MaxAtrSize;

    public readonly uint EventState => dwEventState;

    public static MacReaderState Create(nint readerName, uint currentState) =>
        new() { szReader = readerName, dwCurrentState = currentState };

    public readonly int CopyAtr(Span<byte> destination)
    {
        fixed (byte* atr = rgbAtr)
        {
            return ReaderStateMarshaller.CopyAtr(atr, cbAtr, MaxAtrSize, destination);
        }
    }
}
