using System.Buffers;

namespace SmartCardCash.Settlement.Access;

/// <summary>
/// The text of an API key: <c>scc_</c>, the key's ID (16 lower-case hex digits, public), <c>_</c>, and its secret (64
/// hex digits, 256 bits). The ID finds the stored hash; the secret is checked against it in constant time.
/// </summary>
public static class ApiKeyToken
{
    public const string Prefix = "scc_";

    public const int IdLength = 16;

    /// <summary>The length of a whole key's text.</summary>
    public static readonly int Length = Prefix.Length + IdLength + 1 + AccessSecret.HexLength;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    internal static string NewId() => Convert.ToHexStringLower(AccessSecret.New().AsSpan(0, IdLength / 2));

    internal static string Format(string id, ReadOnlySpan<byte> secret) => $"{Prefix}{id}_{Convert.ToHexStringLower(secret)}";

    /// <summary>The ID and secret of <paramref name="text"/>, or false when it is not a key's form.</summary>
    internal static bool TryParse(string? text, out string id, out byte[] secret)
    {
        (id, secret) = ("", []);
        if (text is null || text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal) || text[Prefix.Length + IdLength] != '_')
        {
            return false;
        }
        ReadOnlySpan<char> idPart = text.AsSpan(Prefix.Length, IdLength);
        if (idPart.ContainsAnyExcept(LowerHex) || AccessSecret.TryDecode(text.AsSpan(Prefix.Length + IdLength + 1)) is not byte[] bytes)
        {
            return false;
        }
        (id, secret) = (idPart.ToString(), bytes);
        return true;
    }

    /// <summary>Whether <paramref name="id"/> is a key ID's form (16 lower-case hex digits).</summary>
    public static bool IsId(string? id) => id is { Length: IdLength } && !id.AsSpan().ContainsAnyExcept(LowerHex);
}
