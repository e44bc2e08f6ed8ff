using System.Buffers.Binary;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>A 4-byte issuer ID (spec 2.1).</summary>
public readonly record struct IssuerId(uint Value)
{
    public const int Length = 4;

    public static IssuerId Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new PurseFormatException($"an issuer ID is {Length} bytes; got {bytes.Length}.");
        }
        return new IssuerId(BinaryPrimitives.ReadUInt32BigEndian(bytes));
    }

    public static IssuerId Parse(string hex) => Read(Hex.Decode(hex));

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => Hex.Encode(ToArray());
}
