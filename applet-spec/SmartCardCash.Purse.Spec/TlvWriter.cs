using System.Buffers.Binary;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// Builds data in the encoding of spec 2.2: one- or two-byte tags, short lengths below 128, <c>81 xx</c> up to 255.
/// </summary>
public sealed class TlvWriter
{
    public const int MaxValueLength = 255;

    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public TlvWriter Add(ushort tag, ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException(
                $"tag {StrictTlvReader.TagText(tag)}: {value.Length} value bytes do not fit a purse TLV (at most {MaxValueLength}).",
                nameof(value));
        }
        if (tag > 0xFF)
        {
            _bytes.Add((byte)(tag >> 8));
        }
        _bytes.Add((byte)tag);
        if (value.Length >= 0x80)
        {
            _bytes.Add(0x81);
        }
        _bytes.Add((byte)value.Length);
        foreach (byte b in value)
        {
            _bytes.Add(b);
        }
        return this;
    }

    public TlvWriter Add(ushort tag, TlvWriter constructedValue)
    {
        ArgumentNullException.ThrowIfNull(constructedValue);
        return Add(tag, constructedValue.ToArray());
    }

    public TlvWriter AddByte(ushort tag, byte value) => Add(tag, [value]);

    public TlvWriter AddUInt32(ushort tag, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return Add(tag, bytes);
    }

    /// <summary>Appends bytes that are already encoded TLV (a certificate, a nested element).</summary>
    public TlvWriter AddEncoded(ReadOnlySpan<byte> encoded)
    {
        foreach (byte b in encoded)
        {
            _bytes.Add(b);
        }
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>One element: tag, length, value.</summary>
    public static byte[] Encode(ushort tag, ReadOnlySpan<byte> value) => new TlvWriter().Add(tag, value).ToArray();
}
