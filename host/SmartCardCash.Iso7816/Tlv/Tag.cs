using System.Globalization;

namespace SmartCardCash.Iso7816.Tlv;

/// <summary>
/// A BER-TLV tag of 1 to 3 bytes (ISO/IEC 7816-4 5.2.2.1, ITU-T X.690 8.1.2), held as its encoded bytes read as a
/// big-endian number: <c>new Tag(0x9F02)</c> is the two bytes 9F 02.
/// </summary>
/// <remarks>
/// <para>A first byte whose low five bits are 11111 announces subsequent bytes; a subsequent byte with b8 = 1 announces
/// one more. More than 3 bytes is rejected: no smart-card application uses such tags.</para>
/// <para>Two-byte tags with a tag number below 31 (for example EMV's 9F02 and 5F2A) are accepted although ISO/IEC 7816-4
/// asks for the one-byte form: cards use them everywhere.</para>
/// <para>First bytes 00 and FF are never tags: ISO/IEC 7816-4 reserves them for padding between objects.</para>
/// <para><c>default(Tag)</c> has value 0, which is not a valid tag.</para>
/// </remarks>
public readonly struct Tag : IEquatable<Tag>
{
    /// <summary>The longest tag this library reads or writes, in bytes.</summary>
    public const int MaxEncodedLength = 3;

    /// <summary>Creates a tag from its encoded bytes read as a big-endian number (0x6F, 0x9F02, 0x5F8101).</summary>
    /// <exception cref="ArgumentException">The number is not a well-formed tag of 1 to 3 bytes.</exception>
    public Tag(uint value)
    {
        string? problem = Validate(value);
        if (problem is not null)
        {
            throw new ArgumentException($"0x{value:X} is not a BER-TLV tag: {problem}.", nameof(value));
        }
        Value = value;
    }

    /// <summary>The encoded tag bytes read as a big-endian number.</summary>
    public uint Value { get; }

    /// <summary>Number of bytes the tag takes when encoded (1 to 3).</summary>
    public int EncodedLength => Value switch
    {
        <= 0xFF => 1,
        <= 0xFFFF => 2,
        _ => 3,
    };

    /// <summary>Class from bits b8 b7 of the first byte.</summary>
    public TagClass Class => (TagClass)(FirstByte >> 6);

    /// <summary>True when bit b6 of the first byte is set: the value is a sequence of BER-TLV objects.</summary>
    public bool IsConstructed => (FirstByte & 0x20) != 0;

    /// <summary>The tag number: the low 5 bits of a one-byte tag, or the 7-bit groups of the subsequent bytes.</summary>
    public int Number => EncodedLength switch
    {
        1 => (int)(Value & 0x1F),
        2 => (int)(Value & 0x7F),
        _ => (int)(((Value >> 8) & 0x7F) << 7 | (Value & 0x7F)),
    };

    private byte FirstByte => (byte)(Value >> (8 * (EncodedLength - 1)));

    /// <summary>Writes the tag bytes and returns how many were written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; tag {this} needs {length}.",
                nameof(destination));
        }
        for (int i = 0; i < length; i++)
        {
            destination[i] = (byte)(Value >> (8 * (length - 1 - i)));
        }
        return length;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[EncodedLength];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The tag bytes in hex: "6F", "9F02", "5F8101".</summary>
    public override string ToString() =>
        Value.ToString(EncodedLength switch { 1 => "X2", 2 => "X4", _ => "X6" }, CultureInfo.InvariantCulture);

    /// <summary>Creates a tag from exactly its encoded bytes.</summary>
    /// <exception cref="ArgumentException">The bytes are not exactly one well-formed tag.</exception>
    public static Tag FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Length > MaxEncodedLength)
        {
            throw new ArgumentException($"a tag has 1 to {MaxEncodedLength} bytes; got {bytes.Length}.", nameof(bytes));
        }
        if (bytes[0] == 0)
        {
            throw new ArgumentException("a tag cannot start with byte 00; it is reserved for padding.", nameof(bytes));
        }
        uint value = 0;
        foreach (byte b in bytes)
        {
            value = value << 8 | b;
        }
        return new Tag(value);
    }

    /// <summary>Parses hex such as "9F02" or "9F 02".</summary>
    /// <exception cref="FormatException">The text is not hex or not one well-formed tag.</exception>
    public static Tag Parse(string hex)
    {
        byte[] bytes = Hex.Decode(hex);
        try
        {
            return FromBytes(bytes);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{hex}' is not a BER-TLV tag: {e.Message}", e);
        }
    }

    /// <summary>
    /// Decodes the tag at the start of <paramref name="data"/>. Returns the number of bytes it takes, or a negative
    /// number with <paramref name="problem"/> set when the bytes are not a tag this library accepts.
    /// </summary>
    internal static int TryDecode(ReadOnlySpan<byte> data, out Tag tag, out string? problem)
    {
        tag = default;
        byte first = data[0];
        if (first is 0x00 or 0xFF)
        {
            problem = $"byte {first:X2} cannot start a tag; ISO/IEC 7816-4 reserves 00 and FF for padding";
            return -1;
        }
        if ((first & 0x1F) != 0x1F)
        {
            problem = null;
            tag = new Tag(first);
            return 1;
        }

        uint value = first;
        for (int i = 1; i < MaxEncodedLength; i++)
        {
            if (i >= data.Length)
            {
                problem = $"tag {Convert.ToHexString(data[..i])} is truncated: it announces another byte but the data ends";
                return -1;
            }
            value = value << 8 | data[i];
            if ((data[i] & 0x80) == 0)
            {
                problem = null;
                tag = new Tag(value);
                return i + 1;
            }
        }
        problem = $"tag {Convert.ToHexString(data[..MaxEncodedLength])}... is longer than {MaxEncodedLength} bytes, " +
            "which this reader does not support";
        return -1;
    }

    private static string? Validate(uint value)
    {
        if (value == 0)
        {
            return "00 is reserved for padding";
        }
        if (value > 0xFFFFFF)
        {
            return $"tags longer than {MaxEncodedLength} bytes are not supported";
        }
        int length = value <= 0xFF ? 1 : value <= 0xFFFF ? 2 : 3;
        byte first = (byte)(value >> (8 * (length - 1)));
        if (first == 0xFF)
        {
            return "FF is reserved for padding";
        }
        bool announcesMore = (first & 0x1F) == 0x1F;
        if (length == 1)
        {
            return announcesMore ? "its low five bits 11111 announce a subsequent byte" : null;
        }
        if (!announcesMore)
        {
            return "only a first byte with low five bits 11111 may be followed by more tag bytes";
        }
        if (length == 3 && (value & 0x8000) == 0)
        {
            return "its second byte has b8 = 0, so it should end there";
        }
        return (value & 0x80) != 0 ? "its last byte has b8 = 1, so it announces another byte" : null;
    }

    public bool Equals(Tag other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is Tag other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public static bool operator ==(Tag left, Tag right) => left.Equals(right);

    public static bool operator !=(Tag left, Tag right) => !left.Equals(right);
}
