namespace SmartCardCash.Iso7816.Tlv;

/// <summary>BER-TLV length fields: short form 00..7F, long form 81 xx, 82 xxxx, 83 xxxxxx.</summary>
internal static class BerLength
{
    /// <summary>The longest value a 3-byte long-form length (83) can announce.</summary>
    public const int MaxValueLength = 0xFF_FFFF;

    /// <summary>Bytes of the minimal length field for a value of <paramref name="length"/> bytes.</summary>
    public static int EncodedLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return length switch
        {
            < 0x80 => 1,
            <= 0xFF => 2,
            <= 0xFFFF => 3,
            <= MaxValueLength => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(length), length,
                $"a value of {length} bytes is longer than the {MaxValueLength} bytes a 3-byte length field can announce."),
        };
    }

    /// <summary>Writes the minimal length field and returns how many bytes it took.</summary>
    public static int Write(Span<byte> destination, int length)
    {
        int size = EncodedLength(length);
        if (size == 1)
        {
            destination[0] = (byte)length;
            return 1;
        }
        int lengthBytes = size - 1;
        destination[0] = (byte)(0x80 | lengthBytes);
        for (int i = 0; i < lengthBytes; i++)
        {
            destination[1 + i] = (byte)(length >> (8 * (lengthBytes - 1 - i)));
        }
        return size;
    }

    /// <summary>
    /// Decodes the length field at the start of <paramref name="data"/> (which must not be empty). Returns the number
    /// of bytes the field takes, or a negative number with <paramref name="problem"/> set. Non-minimal long forms such
    /// as 81 05 are accepted because cards send them.
    /// </summary>
    public static int TryDecode(ReadOnlySpan<byte> data, out int length, out string? problem)
    {
        length = 0;
        byte first = data[0];
        if (first < 0x80)
        {
            length = first;
            problem = null;
            return 1;
        }
        if (first == 0x80)
        {
            problem = "length byte 80 (indefinite length) is not allowed in ISO/IEC 7816 BER-TLV";
            return -1;
        }
        int lengthBytes = first & 0x7F;
        if (lengthBytes > 3)
        {
            problem = $"length byte {first:X2} announces {lengthBytes} length bytes; at most 3 (83) are supported";
            return -1;
        }
        if (data.Length < 1 + lengthBytes)
        {
            problem = $"length field {first:X2} needs {lengthBytes} more bytes but only {data.Length - 1} remain";
            return -1;
        }
        for (int i = 1; i <= lengthBytes; i++)
        {
            length = length << 8 | data[i];
        }
        problem = null;
        return 1 + lengthBytes;
    }
}
