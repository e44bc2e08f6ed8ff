using CsCheck;

namespace SmartCardCash.Iso7816.Tests.Tlv;

public class TlvPropertyTests
{
    private static Gen<Tag> TagGen(bool constructed)
    {
        int constructedBit = constructed ? 0x20 : 0;
        Gen<int> classBits = Gen.Int[0, 3].Select(c => c << 6 | constructedBit);
        Gen<uint> oneByte = Gen.Select(classBits, Gen.Int[0, 30], (c, n) => (uint)(c | n));
        Gen<uint> twoBytes = Gen.Select(classBits, Gen.Int[0x00, 0x7F], (c, b) => (uint)((c | 0x1F) << 8 | b));
        Gen<uint> threeBytes = Gen.Select(classBits, Gen.Int[0x80, 0xFF], Gen.Int[0x00, 0x7F],
            (c, b1, b2) => (uint)((c | 0x1F) << 16 | b1 << 8 | b2));
        return Gen.OneOf(oneByte, twoBytes, threeBytes)
            .Where(v => v != 0 && (v >> 8 * ((v > 0xFFFF ? 3 : v > 0xFF ? 2 : 1) - 1)) != 0xFF)
            .Select(v => new Tag(v));
    }

    private static readonly Gen<byte[]> ValueGen = Gen.Frequency(
        (8, Gen.Byte.Array[0, 40]),
        (2, Gen.Byte.Array[100, 300]),
        (1, Gen.Byte.Array[0x10000, 0x10010]));

    private static readonly Gen<TlvObject> PrimitiveGen =
        Gen.Select(TagGen(constructed: false), ValueGen, (tag, value) => TlvObject.Primitive(tag, value));

    private static Gen<TlvObject> TreeGen(int depth) => depth == 0
        ? PrimitiveGen
        : Gen.Frequency(
            (2, PrimitiveGen),
            (1, Gen.Select(TagGen(constructed: true), TreeGen(depth - 1).Array[0, 4],
                (tag, children) => TlvObject.Constructed(tag, children))));

    [Fact]
    public void Random_trees_round_trip_through_their_encoding()
    {
        TreeGen(4).Array[1, 3].Sample(objects =>
        {
            var writer = new TlvWriter();
            foreach (TlvObject tlv in objects)
            {
                writer.Write(tlv);
            }
            byte[] encoded = writer.ToArray();

            IReadOnlyList<TlvObject> parsed = TlvObject.ParseAll(encoded);

            Assert.Equal(objects, parsed);
            Assert.Equal(encoded, parsed.SelectMany(p => p.ToBytes()).ToArray());
            Assert.Equal(objects[0], TlvObject.Parse(objects[0].ToBytes()));
        }, iter: 300);
    }

    [Fact]
    public void Random_bytes_never_raise_anything_but_TlvFormatException()
    {
        // Noise rarely nests, so also damage real encodings: cut them short or overwrite one byte.
        Gen<byte[]> noise = Gen.Byte.Array[0, 200];
        Gen<byte[]> damaged = Gen.Select(TreeGen(3), Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Bool,
            (tree, position, replacement, truncate) =>
            {
                byte[] bytes = tree.ToBytes();
                int at = position % bytes.Length;
                if (truncate)
                {
                    return bytes[..at];
                }
                bytes[at] = replacement;
                return bytes;
            });

        Gen.OneOf(noise, damaged).Sample(bytes =>
        {
            try
            {
                IReadOnlyList<TlvObject> objects = TlvObject.ParseAll(bytes);
                foreach (TlvObject tlv in objects)
                {
                    byte[] reEncoded = tlv.ToBytes();
                    Assert.Equal(reEncoded.Length, tlv.EncodedLength);
                    Assert.True(reEncoded.Length <= bytes.Length);
                    Assert.Equal(tlv, TlvObject.Parse(reEncoded));
                }
            }
            catch (TlvFormatException e)
            {
                Assert.InRange(e.Offset, 0, bytes.Length);
            }
        }, iter: 5000);
    }
}
