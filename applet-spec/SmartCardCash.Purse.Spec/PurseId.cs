using System.Buffers.Binary;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>An 8-byte purse ID, opaque and unique per issuer (spec 2.1).</summary>
public readonly record struct PurseId(ulong Value)
{
    public const int Length = 8;

    /// <summary>The all-zero ID: the "from" of a mint record (spec 2.5), never a real purse.</summary>
    public static readonly PurseId None = new(0);

    /// <summary>The holder ID of an issuer certificate: <c>00 00 00 00 ‖ issuer ID</c> (spec 3.3).</summary>
    public static PurseId ForIssuer(IssuerId issuer) => new(issuer.Value);

    public static PurseId Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new PurseFormatException($"a purse ID is {Length} bytes; got {bytes.Length}.");
        }
        return new PurseId(BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    public static PurseId Parse(string hex) => Read(Hex.Decode(hex));

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, Value);

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => Hex.Encode(ToArray());
}
