using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Iso7816.Tlv;

/// <summary>
/// Reads BER-TLV objects one after another from a span, without copying, in the manner of a forward-only cursor:
/// call <see cref="Read"/>, then look at <see cref="Tag"/> and <see cref="Value"/>; open a constructed value with
/// <see cref="ReadChildren"/>.
/// </summary>
/// <remarks>
/// <para>Lengths: short form and long form 81, 82, 83 are read; non-minimal long forms (81 05) are accepted because
/// cards send them. Indefinite length (80) and length fields over 3 bytes are rejected.</para>
/// <para>Padding: ISO/IEC 7816-4 allows 00 and FF bytes before, between and after objects. By default they are skipped
/// wherever a tag is expected; with <c>skipPadding: false</c> they raise <see cref="TlvFormatException"/>.</para>
/// <para>Errors: every malformed input raises <see cref="TlvFormatException"/> whose offset, counted from the start of
/// the outermost data, points at the tag or length field that could not be decoded.</para>
/// </remarks>
public ref struct TlvReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private readonly bool _skipPadding;
    private int _position;
    private bool _hasCurrent;

    /// <summary>Reads the objects in <paramref name="data"/>.</summary>
    /// <param name="data">Zero or more encoded objects.</param>
    /// <param name="skipPadding">Skip 00 and FF bytes between objects (ISO/IEC 7816-4 padding) instead of rejecting them.</param>
    public TlvReader(ReadOnlySpan<byte> data, bool skipPadding = true) : this(data, 0, skipPadding)
    {
    }

    private TlvReader(ReadOnlySpan<byte> data, int baseOffset, bool skipPadding)
    {
        _data = data;
        _baseOffset = baseOffset;
        _skipPadding = skipPadding;
        _position = 0;
        _hasCurrent = false;
        Tag = default;
        Value = default;
        TagOffset = 0;
        ValueOffset = 0;
    }

    /// <summary>The tag of the current object (after a <see cref="Read"/> that returned true).</summary>
    public Tag Tag { get; private set; }

    /// <summary>The value bytes of the current object.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    /// <summary>Offset of the current object's tag, counted from the start of the outermost data.</summary>
    public int TagOffset { get; private set; }

    /// <summary>Offset of the current object's value, counted from the start of the outermost data.</summary>
    public int ValueOffset { get; private set; }

    /// <summary>Offset of the next byte to read, counted from the start of the outermost data.</summary>
    public readonly int Offset => _baseOffset + _position;

    /// <summary>True when another object follows (padding alone does not count).</summary>
    public readonly bool HasMore => NextNonPadding(_position) < _data.Length;

    /// <summary>Moves to the next object. Returns false when only padding (or nothing) is left.</summary>
    /// <exception cref="TlvFormatException">The next object is malformed.</exception>
    public bool Read()
    {
        _hasCurrent = false;
        Tag = default;
        Value = default;
        _position = NextNonPadding(_position);
        if (_position >= _data.Length)
        {
            return false;
        }

        int tagStart = _position;
        int tagLength = Tag.TryDecode(_data[tagStart..], out Tag tag, out string? problem);
        if (tagLength < 0)
        {
            throw new TlvFormatException(problem!, _baseOffset + tagStart);
        }

        int lengthStart = tagStart + tagLength;
        if (lengthStart >= _data.Length)
        {
            throw new TlvFormatException($"tag {tag} has no length field: the data ends after it", _baseOffset + lengthStart);
        }
        int lengthSize = BerLength.TryDecode(_data[lengthStart..], out int valueLength, out problem);
        if (lengthSize < 0)
        {
            throw new TlvFormatException($"tag {tag}: {problem}", _baseOffset + lengthStart);
        }

        int valueStart = lengthStart + lengthSize;
        int remaining = _data.Length - valueStart;
        if (valueLength > remaining)
        {
            throw new TlvFormatException(
                $"tag {tag} announces {valueLength} value bytes but only {remaining} remain", _baseOffset + lengthStart);
        }

        Tag = tag;
        Value = _data.Slice(valueStart, valueLength);
        TagOffset = _baseOffset + tagStart;
        ValueOffset = _baseOffset + valueStart;
        _position = valueStart + valueLength;
        _hasCurrent = true;
        return true;
    }

    /// <summary>Reads the next object and returns its value, which must carry <paramref name="expected"/>.</summary>
    /// <exception cref="TlvFormatException">The data ends, the next object is malformed, or it has another tag.</exception>
    public ReadOnlySpan<byte> ReadValue(Tag expected)
    {
        if (!Read())
        {
            throw new TlvFormatException($"expected tag {expected} but the data ends", Offset);
        }
        if (Tag != expected)
        {
            throw new TlvFormatException($"expected tag {expected} but found tag {Tag}", TagOffset);
        }
        return Value;
    }

    /// <summary>
    /// A reader over the current object's value, for constructed objects (or primitive ones an application knows to
    /// hold BER-TLV). Its offsets still count from the start of the outermost data.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no current object: <see cref="Read"/> was not called or returned false.</exception>
    public readonly TlvReader ReadChildren()
    {
        if (!_hasCurrent)
        {
            throw new InvalidOperationException("there is no current object; call Read and check it returned true first.");
        }
        return new TlvReader(Value, ValueOffset, _skipPadding);
    }

    private readonly int NextNonPadding(int position)
    {
        if (_skipPadding)
        {
            while (position < _data.Length && _data[position] is 0x00 or 0xFF)
            {
                position++;
            }
        }
        return position;
    }
}
