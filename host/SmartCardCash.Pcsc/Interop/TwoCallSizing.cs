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

    public static PcscError Run<T>(SizedCall<T> call, out T[] buffer, out int length)
    {
        buffer = [];
        length = 0;
        var needed = 0;
        var result = call(null, ref needed);
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
