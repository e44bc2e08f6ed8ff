using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// Copies managed <see cref="PcscReaderState"/>s into a native SCARD_READERSTATE array of the platform's layout,
/// calls SCardGetStatusChange and copies the results back. Reader names live in native memory for the call.
/// </summary>
internal static unsafe class ReaderStateMarshaller
{
    /// <param name="states">The entries to pass; updated in place when the call succeeds or times out.</param>
    /// <param name="utf16">Whether names are UTF-16 (Windows) or UTF-8.</param>
    /// <param name="call">The native call, given the array and its length.</param>
    public static PcscError Call<T>(PcscReaderState[] states, bool utf16, Func<nint, uint, PcscError> call)
        where T : unmanaged, INativeReaderState<T>
    {
        ArgumentNullException.ThrowIfNull(states);
        var names = new nint[states.Length];
        var array = (T*)NativeMemory.AllocZeroed((nuint)Math.Max(1, states.Length), (nuint)sizeof(T));
        try
        {
            for (var i = 0; i < states.Length; i++)
            {
                names[i] = utf16
                    ? Marshal.StringToCoTaskMemUni(states[i].ReaderName)
                    : Marshal.StringToCoTaskMemUTF8(states[i].ReaderName);
                array[i] = T.Create(names[i], states[i].NativeCurrentState);
            }

            var result = call((nint)array, (uint)states.Length);
            if (result is PcscError.Success or PcscError.Timeout)
            {
                // pcsc-lite fills the event states on a timeout as well; Windows leaves them as they were.
                Span<byte> atr = stackalloc byte[T.AtrCapacity];
                for (var i = 0; i < states.Length; i++)
                {
                    var length = array[i].CopyAtr(atr);
                    states[i].SetNativeEventState(array[i].EventState, atr[..length]);
                }
            }

            return result;
        }
        finally
        {
            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }

            NativeMemory.Free(array);
        }
    }

    /// <summary>
    /// What every <see cref="INativeReaderState{TSelf}.CopyAtr"/> does: copies cbAtr bytes of rgbAtr, clamped to the
    /// field's capacity and to the destination, and returns how many.
    /// </summary>
    public static int CopyAtr(byte* atr, ulong length, int capacity, Span<byte> destination)
    {
        var count = (int)Math.Min(length, (ulong)Math.Min(capacity, destination.Length));
        new ReadOnlySpan<byte>(atr, count).CopyTo(destination);
        return count;
    }
}
