using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// SCARD_READERSTATEW for 32-bit Windows (x86): pointers are 4 bytes, so rgbAtr sits at 20 and the struct is 56 bytes.
/// The pointers are declared as uint so the layout is the same whichever process checks it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WindowsReaderState32 : INativeReaderState<WindowsReaderState32>
{
    public const int MaxAtrSize = 36;

    public uint szReader;
    public uint pvUserData;
    public uint dwCurrentState;
    public uint dwEventState;
    public uint cbAtr;
    public fixed byte rgbAtr[MaxAtrSize];

    public static int AtrCapacity => MaxAtrSize;

    public readonly uint EventState => dwEventState;

    public static WindowsReaderState32 Create(nint readerName, uint currentState) =>
        new() { szReader = (uint)readerName, dwCurrentState = currentState };

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
