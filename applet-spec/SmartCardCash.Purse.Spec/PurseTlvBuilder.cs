using System.Buffers.Binary;
using SmartCardCash.Iso7816.Tlv;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// Builds data in the encoding of spec 2.2 on top of the general BER-TLV writer: one- or two-byte tags, minimal
/// lengths, and no value longer than 255 bytes, because every purse command and response is a short APDU.
/// </summary>
public sealed class PurseTlvBuilder
{
    public const int MaxValueLength = 255;

    private readonly TlvWriter _writer = new();

    public int Length => _writer.Length;

    public PurseTlvBuilder Add(ushort tag, ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException(
                $"tag {StrictTlvReader.TagText(tag)}: {value.Length} value bytes do not fit a purse TLV (at most {MaxValueLength}).",
                nameof(value));
        }
        _writer.Write(new Tag(tag), value);
        return this;
    }

    public PurseTlvBuilder Add(ushort tag, PurseTlvBuilder constructedValue)
    {
        ArgumentNullException.ThrowIfNull(constructedValue);
        return Add(tag, constructedValue.ToArray());
    }

    public PurseTlvBuilder AddByte(ushort tag, byte value) => Add(tag, [value]);

    public PurseTlvBuilder AddUInt32(ushort tag, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return Add(tag, bytes);
    }

    /// <summary>Appends bytes that are already encoded TLV (a certificate, a nested element).</summary>
    public PurseTlvBuilder AddEncoded(ReadOnlySpan<byte> encoded)
    {
        _writer.WriteEncoded(encoded);
        return this;
    }

    public byte[] ToArray() => _writer.ToArray();

    /// <summary>One element: tag, length, value.</summary>
    public static byte[] Encode(ushort tag, ReadOnlySpan<byte> value) => new PurseTlvBuilder().Add(tag, value).ToArray();
}
