namespace SmartCardCash.Iso7816;

/// <summary>Hex text as terminal engineers write it: "00A40400", "00 A4 04 00" or "00:a4:04:00".</summary>
public static class Hex
{
    /// <summary>Decodes hex, ignoring spaces, tabs, colons and dashes. Throws <see cref="FormatException"/> with a plain message.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        Span<char> digits = hex.Length <= 1024 ? stackalloc char[hex.Length] : new char[hex.Length];
        int count = 0;
        for (int i = 0; i < hex.Length; i++)
        {
            char c = hex[i];
            if (c is ' ' or '\t' or ':' or '-' or '\r' or '\n')
            {
                continue;
            }
            if (!char.IsAsciiHexDigit(c))
            {
                throw new FormatException($"'{c}' at position {i + 1} is not a hex digit.");
            }
            digits[count++] = c;
        }
        if (count % 2 != 0)
        {
            throw new FormatException($"hex has an odd number of digits ({count}); every byte needs two.");
        }
        return Convert.FromHexString(digits[..count]);
    }

    public static bool TryDecode(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Decode(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>Bytes separated by spaces, as in a trace: "00 A4 04 00".</summary>
    public static string EncodeSpaced(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }
        var text = new char[bytes.Length * 3 - 1];
        for (int i = 0; i < bytes.Length; i++)
        {
            string pair = bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            int at = i * 3;
            text[at] = pair[0];
            text[at + 1] = pair[1];
            if (at + 2 < text.Length)
            {
                text[at + 2] = ' ';
            }
        }
        return new string(text);
    }
}
