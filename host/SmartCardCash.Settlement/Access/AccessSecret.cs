using System.Security.Cryptography;

namespace SmartCardCash.Settlement.Access;

/// <summary>
/// The secrets of keys and holder credentials: 256 random bits, written as 64 hex digits; the bank stores only their
/// SHA-256 and compares hashes in constant time, so neither a stolen table nor the time a refusal takes tells a secret.
/// </summary>
internal static class AccessSecret
{
    public const int Bytes = 32;

    public const int HexLength = Bytes * 2;

    public static byte[] New() => RandomNumberGenerator.GetBytes(Bytes);

    /// <summary>The SHA-256 of <paramref name="secret"/> in lower-case hex, as the tables hold it.</summary>
    public static string Hash(ReadOnlySpan<byte> secret) => Convert.ToHexStringLower(SHA256.HashData(secret));

    /// <summary>Whether <paramref name="presented"/> hashes to <paramref name="storedHash"/>, in time that does not depend
    /// on where they differ.</summary>
    public static bool Matches(string storedHash, ReadOnlySpan<byte> presented)
    {
        byte[] stored = Convert.FromHexString(storedHash);
        return CryptographicOperations.FixedTimeEquals(stored, SHA256.HashData(presented));
    }

    /// <summary>Exactly <see cref="HexLength"/> hex digits, decoded; null for anything else.</summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> hex)
    {
        if (hex.Length != HexLength)
        {
            return null;
        }
        var bytes = new byte[Bytes];
        return Convert.FromHexString(hex, bytes, out int consumed, out int written) == System.Buffers.OperationStatus.Done
            && consumed == HexLength && written == Bytes ? bytes : null;
    }
}
