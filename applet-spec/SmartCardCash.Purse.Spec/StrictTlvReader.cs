using System.Globalization;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// Reads command and response data under the strict rules of spec 2.2: one- or two-byte tags, lengths in the short
/// form below 128 and <c>81 xx</c> from 128 to 255 (nothing else), the tags in the order the caller expects them,
/// nothing left over. Every violation throws <see cref="PurseFormatException"/>, which a card answers with 6A80.
/// </summary>
/// <remarks>
/// The caller states what it expects next (<see cref="Read(ushort, int, int)"/>, <see cref="TryReadOptional"/>); an
/// unknown tag, a missing tag and a tag out of order are therefore all the same error: "expected X, found Y".
/// </remarks>
public ref struct StrictTlvReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    public StrictTlvReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
    }

    public readonly bool IsAtEnd => _offset == _data.Length;

    public readonly int Offset => _offset;

    /// <summary>The tag of the next element, or null at the end. Does not move.</summary>
    public readonly ushort? PeekTag() => IsAtEnd ? null : ReadHeader(_data, _offset, out _, out _, out _);

    /// <summary>Reads the next element, which must have <paramref name="tag"/> and a value length in the range.</summary>
    public ReadOnlySpan<byte> Read(ushort tag, int minLength, int maxLength)
    {
        if (IsAtEnd)
        {
            throw new PurseFormatException($"expected tag {TagText(tag)} at byte {_offset}, found the end of the data.");
        }
        ushort found = ReadHeader(_data, _offset, out int valueOffset, out int length, out _);
        if (found != tag)
        {
            throw new PurseFormatException($"expected tag {TagText(tag)} at byte {_offset}, found {TagText(found)}.");
        }
        if (length < minLength || length > maxLength)
        {
            string allowed = minLength == maxLength
                ? minLength.ToString(CultureInfo.InvariantCulture)
                : $"{minLength} to {maxLength}";
            throw new PurseFormatException($"tag {TagText(tag)} at byte {_offset} has {length} value bytes; {allowed} expected.");
        }
        _offset = valueOffset + length;
        return _data.Slice(valueOffset, length);
    }

    /// <summary>Reads the next element, which must have <paramref name="tag"/> and exactly <paramref name="length"/> value bytes.</summary>
    public ReadOnlySpan<byte> Read(ushort tag, int length) => Read(tag, length, length);

    public byte ReadByte(ushort tag) => Read(tag, 1)[0];

    public uint ReadUInt32(ushort tag) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Read(tag, 4));

    /// <summary>Reads the next element if it has <paramref name="tag"/>; leaves the reader alone otherwise.</summary>
    public bool TryReadOptional(ushort tag, int minLength, int maxLength, out ReadOnlySpan<byte> value)
    {
        if (PeekTag() != tag)
        {
            value = default;
            return false;
        }
        value = Read(tag, minLength, maxLength);
        return true;
    }

    /// <summary>Throws unless every byte has been read.</summary>
    public readonly void EnsureEnd()
    {
        if (!IsAtEnd)
        {
            ushort found = ReadHeader(_data, _offset, out _, out _, out _);
            throw new PurseFormatException($"unexpected tag {TagText(found)} at byte {_offset} after the last expected element.");
        }
    }

    /// <summary>The whole data must be exactly one element with <paramref name="tag"/>; returns its value.</summary>
    public static ReadOnlySpan<byte> ReadSingle(ReadOnlySpan<byte> data, ushort tag, int minLength, int maxLength)
    {
        var reader = new StrictTlvReader(data);
        ReadOnlySpan<byte> value = reader.Read(tag, minLength, maxLength);
        reader.EnsureEnd();
        return value;
    }

    public static string TagText(ushort tag) => tag > 0xFF
        ? tag.ToString("X4", CultureInfo.InvariantCulture)
        : tag.ToString("X2", CultureInfo.InvariantCulture);

    private static ushort ReadHeader(ReadOnlySpan<byte> data, int offset, out int valueOffset, out int length, out int headerLength)
    {
        int at = offset;
        byte first = data[at++];
        if (first is 0x00 or 0xFF)
        {
            throw new PurseFormatException($"byte {offset}: {first:X2} is not a tag (padding is not allowed).");
        }
        ushort tag = first;
        if ((first & 0x1F) == 0x1F)
        {
            if (at >= data.Length)
            {
                throw new PurseFormatException($"byte {offset}: two-byte tag {first:X2} is cut short.");
            }
            byte second = data[at++];
            if ((second & 0x80) != 0 || second < 0x1F)
            {
                throw new PurseFormatException($"byte {offset}: tag {first:X2}{second:X2} is not a valid two-byte tag.");
            }
            tag = (ushort)((first << 8) | second);
        }
        if (at >= data.Length)
        {
            throw new PurseFormatException($"tag {TagText(tag)} at byte {offset} has no length.");
        }
        byte lengthByte = data[at++];
        if (lengthByte < 0x80)
        {
            length = lengthByte;
        }
        else if (lengthByte == 0x81)
        {
            if (at >= data.Length)
            {
                throw new PurseFormatException($"tag {TagText(tag)} at byte {offset}: length 81 is cut short.");
            }
            length = data[at++];
            if (length < 0x80)
            {
                throw new PurseFormatException(
                    $"tag {TagText(tag)} at byte {offset}: length {length} must use the short form, not 81 {length:X2}.");
            }
        }
        else
        {
            throw new PurseFormatException(
                $"tag {TagText(tag)} at byte {offset}: length byte {lengthByte:X2} is not allowed (short form or 81 xx only).");
        }
        if (length > data.Length - at)
        {
            throw new PurseFormatException(
                $"tag {TagText(tag)} at byte {offset} announces {length} value bytes; only {data.Length - at} remain.");
        }
        valueOffset = at;
        headerLength = at - offset;
        return tag;
    }
}
