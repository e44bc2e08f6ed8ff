using System.Numerics;
using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// The PC/SC calls that fill a multi-string (SCardListReaders, SCardListReaderGroups, the reader names of SCardStatus),
/// the same on every platform: sized with <see cref="TwoCallSizing"/>, then split by <see cref="MultiString"/>. The
/// characters are UTF-8 bytes on pcsc-lite and macOS, UTF-16 chars on Windows; the length is the platform's DWORD.
/// </summary>
internal static unsafe class MultiStringCall
{
    /// <summary>One native call: a null buffer asks for the length, which the call reads and updates.</summary>
    public delegate PcscError Native<TChar, TDword>(TChar* buffer, TDword* length)
        where TChar : unmanaged
        where TDword : unmanaged;

    public static PcscError Read<TChar, TDword>(Native<TChar, TDword> call, out IReadOnlyList<string> names)
        where TChar : unmanaged
        where TDword : unmanaged, IBinaryInteger<TDword>
    {
        var result = TwoCallSizing.Run((TChar[]? buffer, ref int length) =>
        {
            fixed (TChar* pBuffer = buffer)
            {
                var size = TDword.CreateTruncating(length);
                var rc = call(pBuffer, &size);
                length = int.CreateSaturating(size);
                return rc;
            }
        }, out var chars, out var used);
        names = result == PcscError.Success ? Parse(chars.AsSpan(0, used)) : [];
        return result;
    }

    private static string[] Parse<TChar>(ReadOnlySpan<TChar> chars)
        where TChar : unmanaged =>
        typeof(TChar) == typeof(char)
            ? MultiString.ParseUtf16(MemoryMarshal.Cast<TChar, char>(chars))
            : MultiString.ParseUtf8(MemoryMarshal.Cast<TChar, byte>(chars));
}
