namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// The PC/SC two-call pattern without SCARD_AUTOALLOCATE: ask for the length with a null buffer, allocate, call again.
/// If the data grew in between (a reader was plugged in), the second call answers SCARD_E_INSUFFICIENT_BUFFER and
/// we size again, a bounded number of times.
/// </summary>
internal static class TwoCallSizing
{
    public const int MaxAttempts = 8;

    /// <summary>One native call: null buffer means "report the length"; length is in elements of T.</summary>
    public delegate PcscError SizedCall<T>(T[]? buffer, ref int length);

    /// <param name="call">The native call.</param>
    /// <param name="buffer">The filled buffer on success.</param>
    /// <param name="length">How many elements of <paramref name="buffer"/> hold data.</param>
    /// <param name="fallbackSize">
    /// Size to try when the length query itself answers "insufficient buffer" without telling a size. pcsc-lite's
    /// SCardGetAttrib does that, and it also refuses lengths above MAX_BUFFER_SIZE (264), hence a fixed fallback.
    /// </param>
    public static PcscError Run<T>(SizedCall<T> call, out T[] buffer, out int length, int fallbackSize = 0)
    {
        buffer = [];
        length = 0;
        var needed = 0;
        var result = call(null, ref needed);
        if (IsInsufficientBuffer(result) && fallbackSize > 0)
        {
            needed = needed > 0 ? needed : fallbackSize;
            result = PcscError.Success;
        }

        for (var attempt = 1; ; attempt++)
        {
            if (result != PcscError.Success)
            {
                return result;
            }

            if (needed <= 0)
            {
                return PcscError.Success;
            }

            var candidate = new T[needed];
            var used = needed;
            result = call(candidate, ref used);
            if (result == PcscError.Success)
            {
                buffer = candidate;
                length = Math.Clamp(used, 0, candidate.Length);
                return PcscError.Success;
            }

            if (!IsInsufficientBuffer(result) || attempt >= MaxAttempts)
            {
                return result;
            }

            if (used > needed)
            {
                // The implementation told us the new size with the error.
                needed = used;
                result = PcscError.Success;
            }
            else
            {
                needed = 0;
                result = call(null, ref needed);
            }
        }
    }

    public static bool IsInsufficientBuffer(PcscError error) =>
        error is PcscError.InsufficientBuffer or PcscError.Win32InsufficientBuffer;
}
