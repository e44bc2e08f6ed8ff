using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// SCARD_READERSTATEW for 64-bit Windows (x64, ARM64): { LPCWSTR szReader; LPVOID pvUserData; DWORD dwCurrentState;
/// DWORD dwEventState; DWORD cbAtr; BYTE rgbAtr[36]; }. Pointers are 8 bytes, DWORD 4: rgbAtr at 28, 64 bytes in all.
/// The pointers are declared as ulong so the layout is the same whichever process checks it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WindowsReaderState64 : INativeReaderState<WindowsReaderState64>
{
    public const int MaxAtrSize = 36;

    public ulong szReader;
    public ulong pvUserData;
    public uint dwCurrentState;
    public uint dwEventState;
    public uint cbAtr;
    public fixed byte rgbAtr[MaxAtrSize];

    public static int AtrCapacity => MaxAtrSize;

    public readonly uint EventState => dwEventState;

    public static WindowsReaderState64 Create(nint readerName, uint currentState) =>
        new() { szReader = (ulong)readerName, dwCurrentState = currentState };

    public readonly int CopyAtr(Span<byte> destination)
    {
        var length = (int)Math.Min(cbAtr, (uint)Math.Min(MaxAtrSize, destination.Length));
        for (var i = 0; i < length; i++)
        {
            destination[i] = rgbAtr[i];
        }

        return length;
    }
}
