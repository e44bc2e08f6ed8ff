using System.Text;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// PC/SC multi-strings: names separated by NUL, the list ended by an extra NUL ("a\0b\0\0"). pcsc-lite and macOS use
/// UTF-8, Windows' W functions UTF-16.
/// </summary>
internal static class MultiString
{
    /// <summary>Splits UTF-8 bytes; stops at the first empty entry (the terminator) and ignores trailing padding.</summary>
    public static string[] ParseUtf8(ReadOnlySpan<byte> bytes)
    {
        var names = new List<string>();
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)0);
            var entry = end < 0 ? bytes : bytes[..end];
            if (entry.IsEmpty)
            {
                break;
            }

            names.Add(Encoding.UTF8.GetString(entry));
            bytes = end < 0 ? [] : bytes[(end + 1)..];
        }

        return [.. names];
    }

    /// <summary>Splits UTF-16 chars the same way.</summary>
    public static string[] ParseUtf16(ReadOnlySpan<char> chars)
    {
        var names = new List<string>();
        while (!chars.IsEmpty)
        {
            var end = chars.IndexOf('\0');
            var entry = end < 0 ? chars : chars[..end];
            if (entry.IsEmpty)
            {
                break;
            }

            names.Add(new string(entry));
            chars = end < 0 ? [] : chars[(end + 1)..];
        }

        return [.. names];
    }

    /// <summary>Encodes names as a UTF-8 multi-string, or returns null for none (PC/SC then means "all").</summary>
    public static byte[]? EncodeUtf8(IReadOnlyList<string>? names)
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

        builder.Append('\0');
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Encodes names as a UTF-16 multi-string, or returns null for none.</summary>
    public static char[]? EncodeUtf16(IReadOnlyList<string>? names)
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

        builder.Append('\0');
        return builder.ToString().ToCharArray();
    }

    /// <summary>A NUL-terminated UTF-8 copy of one string.</summary>
    public static byte[] ToUtf8Z(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
