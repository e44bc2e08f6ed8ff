using System.Numerics;
using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop.Windows;

/// <summary>
/// SCARD_READERSTATEW of winscard: { LPCWSTR szReader; LPVOID pvUserData; DWORD dwCurrentState; DWORD dwEventState;
/// DWORD cbAtr; BYTE rgbAtr[36]; }. DWORD is 4 bytes everywhere; the two pointers are <typeparamref name="TPointer"/>:
/// <see cref="ulong"/> for 64-bit processes (x64, ARM64: rgbAtr at 28, 64 bytes in all), <see cref="uint"/> for
/// 32-bit ones (x86: rgbAtr at 20, 56 bytes). Both layouts are one declaration, and both can be checked from any
/// process.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WindowsReaderState<TPointer> : INativeReaderState<WindowsReaderState<TPointer>>
    where TPointer : unmanaged, IBinaryInteger<TPointer>
{
    public const int MaxAtrSize = 36;

    public TPointer szReader;
    public TPointer pvUserData;
    public uint dwCurrentState;
    public uint dwEventState;
    public uint cbAtr;
    public fixed byte rgbAtr[MaxAtrSize];

    public static int AtrCapacity => MaxAtrSize;

    public readonly uint EventState => dwEventState;

    public static WindowsReaderState<TPointer> Create(nint readerName, uint currentState) =>
        new() { szReader = TPointer.CreateTruncating(readerName), dwCurrentState = currentState };

    public readonly int CopyAtr(Span<byte> destination)
    {
        fixed (byte* atr = rgbAtr)
        {
            return ReaderStateMarshaller.CopyAtr(atr, cbAtr, MaxAtrSize, destination);
        }
    }
}
