using System.Text;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// PC/SC multi-strings: names separated by NUL, the list ended by an extra NUL ("a\0b\0\0"). pcsc-lite and macOS use
/// UTF-8, Windows' W functions UTF-16.
/// </summary>
internal static class MultiString
{
    /// <summary>Splits UTF-8 bytes; stops at the first empty entry (the terminator) and ignores trailing padding.</summary>
    public static string[] ParseUtf8(ReadOnlySpan<byte> bytes) => Split(bytes, static entry => Encoding.UTF8.GetString(entry));

    /// <summary>Splits UTF-16 chars the same way.</summary>
    public static string[] ParseUtf16(ReadOnlySpan<char> chars) => Split(chars, static entry => new string(entry));

    /// <summary>Encodes names as a UTF-8 multi-string, or returns null for none (PC/SC then means "all").</summary>
    public static byte[]? EncodeUtf8(IReadOnlyList<string>? names) =>
        Join(names) is { } text ? Encoding.UTF8.GetBytes(text) : null;

    /// <summary>Encodes names as a UTF-16 multi-string, or returns null for none.</summary>
    public static char[]? EncodeUtf16(IReadOnlyList<string>? names) => Join(names)?.ToCharArray();

    /// <summary>A NUL-terminated UTF-8 copy of one string.</summary>
    public static byte[] ToUtf8Z(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }

    private static string[] Split<T>(ReadOnlySpan<T> text, Func<ReadOnlySpan<T>, string> decode)
        where T : unmanaged, IEquatable<T>
    {
        var names = new List<string>();
        while (!text.IsEmpty)
        {
            var end = text.IndexOf(default(T));
            var entry = end < 0 ? text : text[..end];
            if (entry.IsEmpty)
            {
                break;
            }

            names.Add(decode(entry));
            text = end < 0 ? [] : text[(end + 1)..];
        }

        return [.. names];
    }

    /// <summary>"a\0b\0\0" for [a, b]; null for no names.</summary>
    private static string? Join(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var name in names)
        {
            builder.Append(name).Append('\0');
        }

        return builder.Append('\0').ToString();
    }
}
