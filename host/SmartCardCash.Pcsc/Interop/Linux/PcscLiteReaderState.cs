using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop.Linux;

/// <summary>
/// SCARD_READERSTATE of pcsc-lite (pcsclite.h): { const char *szReader; void *pvUserData; DWORD dwCurrentState;
/// DWORD dwEventState; DWORD cbAtr; unsigned char rgbAtr[33]; } with natural alignment, where DWORD is
/// unsigned long, i.e. pointer-sized on Linux. On x64: 80 bytes, rgbAtr at offset 40.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PcscLiteReaderState : INativeReaderState<PcscLiteReaderState>
{
    public const int MaxAtrSize = 33;

    public nint szReader;
    public nint pvUserData;
    public nuint dwCurrentState;
    public nuint dwEventState;
    public nuint cbAtr;
    public fixed byte rgbAtr[MaxAtrSize];

    public static int AtrCapacity => MaxAtrSize;

    public readonly uint EventState => (uint)dwEventState;

    public static PcscLiteReaderState Create(nint readerName, uint currentState) =>
        new() { szReader = readerName, dwCurrentState = currentState };

    public readonly int CopyAtr(Span<byte> destination)
    {
        fixed (byte* atr = rgbAtr)
        {
            return ReaderStateMarshaller.CopyAtr(atr, cbAtr, MaxAtrSize, destination);
        }
    }
}
