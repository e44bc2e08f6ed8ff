namespace SmartCardCash.Settlement.Access;

/// <summary>
/// The text of an account holder's credential: <c>scch_</c> and 64 hex digits (256 bits). It proves a load is the
/// holder's wish, on top of the terminal's key; the bank keeps only its SHA-256 and checks it in constant time.
/// </summary>
public static class HolderCredential
{
    public const string Prefix = "scch_";

    internal static string Format(ReadOnlySpan<byte> secret) => Prefix + Convert.ToHexStringLower(secret);

    internal static byte[]? TryParse(string? text) =>
        text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) ? AccessSecret.TryDecode(text.AsSpan(Prefix.Length)) : null;
}
