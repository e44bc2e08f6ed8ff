using System.Buffers;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// The characters an account or transfer ID may hold: letters, digits and <c>. _ : - /</c>, starting with a letter or
/// digit. Natural keys (a purse ID and a sequence number, a client's request ID) compose into IDs without escaping,
/// and an ID never needs quoting in a log line or a URL path segment.
/// </summary>
internal static class LedgerKey
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-/");

    public static string Checked(string? value, int maxLength, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{what} is empty.", nameof(value));
        }
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{what} '{value[..20]}…' is longer than {maxLength} characters.", nameof(value));
        }
        int bad = value.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"{what} '{value}' has a character other than letters, digits and . _ : - / at position {bad + 1}.", nameof(value));
        }
        if (!char.IsAsciiLetterOrDigit(value[0]))
        {
            throw new ArgumentException($"{what} '{value}' does not start with a letter or digit.", nameof(value));
        }
        return value;
    }
}
