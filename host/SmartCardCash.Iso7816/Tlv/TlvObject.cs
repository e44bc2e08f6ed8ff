using System.Text;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Iso7816.Tlv;

/// <summary>
/// One BER-TLV data object as a tree: a primitive object holds value bytes, a constructed object holds child objects.
/// Immutable.
/// </summary>
/// <remarks>
/// <para>Parsing follows <see cref="TlvReader"/>: non-minimal lengths are accepted, 00/FF padding is skipped, nesting
/// deeper than <see cref="MaxNestingDepth"/> is rejected so hostile data cannot exhaust the stack.</para>
/// <para>Encoding (<see cref="ToBytes"/>, <see cref="TlvWriter"/>) always uses minimal lengths and no padding.</para>
/// <para>Equality is structural: same tag and, for primitive objects, the same value bytes; for constructed objects,
/// equal children in the same order. Padding and length encoding of parsed data do not matter.</para>
/// </remarks>
public sealed class TlvObject : IEquatable<TlvObject>
{
    /// <summary>How many constructed objects may nest inside each other when parsing.</summary>
    public const int MaxNestingDepth = 32;

    private readonly byte[] _value;
    private readonly TlvObject[] _children;

    // Where the value started in parsed data; kept so number errors can point at it.
    private readonly int? _valueOffset;

    // Length of the value as ToBytes writes it: parsed constructed values may carry padding and long lengths.
    private readonly int _encodedValueLength;

    private TlvObject(Tag tag, byte[] value, TlvObject[] children, int? offset = null, int? valueOffset = null)
    {
        Tag = tag;
        _value = value;
        _children = children;
        Offset = offset;
        _valueOffset = valueOffset;
        _encodedValueLength = tag.IsConstructed ? children.Sum(child => child.EncodedLength) : value.Length;
    }

    public Tag Tag { get; }

    public bool IsConstructed => Tag.IsConstructed;

    /// <summary>
    /// The value bytes. For a constructed object these are its children encoded: as received when parsed, minimal
    /// when built in code.
    /// </summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <summary>The child objects of a constructed object, in order; empty for a primitive object.</summary>
    public IReadOnlyList<TlvObject> Children => _children;

    /// <summary>Where the tag of this object was in the parsed data; null for objects built in code.</summary>
    public int? Offset { get; }

    /// <summary>
    /// Bytes <see cref="ToBytes"/> produces: tag, minimal length field and value, with the children of a constructed
    /// object re-encoded minimally (so it can be less than was parsed).
    /// </summary>
    public int EncodedLength => Tag.EncodedLength + BerLength.EncodedLength(_encodedValueLength) + _encodedValueLength;

    /// <summary>A primitive object.</summary>
    /// <exception cref="ArgumentException">The tag is constructed; use <see cref="Constructed"/>.</exception>
    public static TlvObject Primitive(Tag tag, ReadOnlySpan<byte> value)
    {
        if (tag.IsConstructed)
        {
            throw new ArgumentException($"tag {tag} is constructed; build it with TlvObject.Constructed.", nameof(tag));
        }
        if (value.Length > BerLength.MaxValueLength)
        {
            throw new ArgumentException(
                $"a value of {value.Length} bytes is longer than the {BerLength.MaxValueLength} bytes a 3-byte length field can announce.",
                nameof(value));
        }
        return new TlvObject(tag, value.ToArray(), []);
    }

    /// <summary>A primitive object holding <paramref name="value"/> as a minimal big-endian unsigned integer (at least one byte).</summary>
    public static TlvObject Unsigned(Tag tag, ulong value) => Primitive(tag, UnsignedBytes.Encode(value));

    /// <summary>A constructed object with the given children.</summary>
    /// <exception cref="ArgumentException">The tag is primitive; use <see cref="Primitive"/>.</exception>
    public static TlvObject Constructed(Tag tag, params IEnumerable<TlvObject> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (!tag.IsConstructed)
        {
            throw new ArgumentException($"tag {tag} is primitive; build it with TlvObject.Primitive.", nameof(tag));
        }
        TlvObject[] list = children.ToArray();
        foreach (TlvObject child in list)
        {
            ArgumentNullException.ThrowIfNull(child, nameof(children));
        }
        var writer = new TlvWriter();
        foreach (TlvObject child in list)
        {
            writer.Write(child);
        }
        return new TlvObject(tag, writer.ToArray(), list);
    }

    /// <summary>Parses exactly one object; padding may surround it.</summary>
    /// <exception cref="TlvFormatException">The data is malformed, empty, or holds more than one object.</exception>
    public static TlvObject Parse(ReadOnlySpan<byte> data)
    {
        var reader = new TlvReader(data);
        if (!reader.Read())
        {
            throw new TlvFormatException("expected one BER-TLV object but the data holds none", reader.Offset);
        }
        TlvObject result = FromCurrent(ref reader, 1);
        if (reader.Read())
        {
            throw new TlvFormatException($"expected one BER-TLV object but another one (tag {reader.Tag}) follows",
                reader.TagOffset);
        }
        return result;
    }

    /// <summary>Parses hex (spaces allowed) holding exactly one object.</summary>
    public static TlvObject ParseHex(string hex) => Parse(Hex.Decode(hex));

    /// <summary>Parses a sequence of zero or more objects, such as a response data field.</summary>
    /// <exception cref="TlvFormatException">The data is malformed.</exception>
    public static IReadOnlyList<TlvObject> ParseAll(ReadOnlySpan<byte> data)
    {
        var reader = new TlvReader(data);
        return ReadSiblings(ref reader, 1);
    }

    /// <summary>The first direct child with <paramref name="tag"/>, or null.</summary>
    public TlvObject? Find(Tag tag)
    {
        foreach (TlvObject child in _children)
        {
            if (child.Tag == tag)
            {
                return child;
            }
        }
        return null;
    }

    /// <summary>The first object with <paramref name="tag"/> among all descendants, depth first in data order, or null.</summary>
    public TlvObject? FindDescendant(Tag tag)
    {
        foreach (TlvObject child in _children)
        {
            if (child.Tag == tag)
            {
                return child;
            }
            TlvObject? found = child.FindDescendant(tag);
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The value as a big-endian unsigned integer. Leading zero bytes are allowed.</summary>
    /// <exception cref="InvalidOperationException">The object is constructed.</exception>
    /// <exception cref="TlvFormatException">The value is empty or does not fit 64 bits. The offset is where the value
    /// was in the parsed data, or 0 for objects built in code.</exception>
    public ulong ValueAsUInt64() => ReadUnsigned(sizeof(ulong));

    /// <summary>The value as a big-endian unsigned integer. Leading zero bytes are allowed.</summary>
    /// <exception cref="InvalidOperationException">The object is constructed.</exception>
    /// <exception cref="TlvFormatException">The value is empty or does not fit 32 bits.</exception>
    public uint ValueAsUInt32() => (uint)ReadUnsigned(sizeof(uint));

    public byte[] ToBytes()
    {
        var writer = new TlvWriter();
        writer.Write(this);
        return writer.ToArray();
    }

    public string ToHex() => Convert.ToHexString(ToBytes());

    /// <summary>A one-line view such as <c>6F { 84: A0000000031010, A5 { 50: 56495341 } }</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    public bool Equals(TlvObject? other)
    {
        if (other is null || Tag != other.Tag)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (!IsConstructed)
        {
            return _value.AsSpan().SequenceEqual(other._value);
        }
        return _children.AsSpan().SequenceEqual(other._children);
    }

    public override bool Equals(object? obj) => obj is TlvObject other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Tag);
        if (IsConstructed)
        {
            foreach (TlvObject child in _children)
            {
                hash.Add(child);
            }
        }
        else
        {
            hash.AddBytes(_value);
        }
        return hash.ToHashCode();
    }

    private static List<TlvObject> ReadSiblings(ref TlvReader reader, int depth)
    {
        var objects = new List<TlvObject>();
        while (reader.Read())
        {
            objects.Add(FromCurrent(ref reader, depth));
        }
        return objects;
    }

    private static TlvObject FromCurrent(ref TlvReader reader, int depth)
    {
        if (!reader.Tag.IsConstructed)
        {
            return new TlvObject(reader.Tag, reader.Value.ToArray(), [], reader.TagOffset, reader.ValueOffset);
        }
        if (depth > MaxNestingDepth)
        {
            throw new TlvFormatException(
                $"constructed objects nest deeper than {MaxNestingDepth} levels, more than any card data needs",
                reader.TagOffset);
        }
        TlvReader childReader = reader.ReadChildren();
        List<TlvObject> children = ReadSiblings(ref childReader, depth + 1);
        return new TlvObject(reader.Tag, reader.Value.ToArray(), children.ToArray(), reader.TagOffset,
            reader.ValueOffset);
    }

    private ulong ReadUnsigned(int maxBytes)
    {
        if (IsConstructed)
        {
            throw new InvalidOperationException($"tag {Tag} is constructed; its value is not a number.");
        }
        if (_value.Length == 0)
        {
            throw new TlvFormatException($"tag {Tag} has an empty value; a number needs at least one byte",
                _valueOffset ?? 0);
        }
        ReadOnlySpan<byte> significant = _value.AsSpan().TrimStart((byte)0);
        if (significant.Length > maxBytes)
        {
            throw new TlvFormatException(
                $"tag {Tag} holds a {significant.Length}-byte number, more than the {maxBytes} bytes expected",
                _valueOffset ?? 0);
        }
        ulong result = 0;
        foreach (byte b in significant)
        {
            result = result << 8 | b;
        }
        return result;
    }

    private void AppendTo(StringBuilder text)
    {
        text.Append(Tag.ToString());
        if (!IsConstructed)
        {
            text.Append(": ").Append(_value.Length == 0 ? "(empty)" : Convert.ToHexString(_value));
            return;
        }
        text.Append(" {");
        for (int i = 0; i < _children.Length; i++)
        {
            text.Append(i == 0 ? " " : ", ");
            _children[i].AppendTo(text);
        }
        text.Append(_children.Length == 0 ? "}" : " }");
    }
}
