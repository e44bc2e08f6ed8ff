namespace SmartCardCash.Iso7816.Tests.Tlv;

public class TlvWriterTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(0x7F, "7F")]
    [InlineData(0x80, "8180")]
    [InlineData(0xFF, "81FF")]
    [InlineData(0x100, "820100")]
    [InlineData(0xFFFF, "82FFFF")]
    [InlineData(0x10000, "83010000")]
    public void Writes_the_minimal_length_field(int length, string expectedLength)
    {
        var writer = new TlvWriter();

        writer.Write(new Tag(0x9F02), new byte[length]);

        byte[] encoded = writer.ToArray();
        Assert.Equal("9F02" + expectedLength, Convert.ToHexString(encoded.AsSpan(0, 2 + expectedLength.Length / 2)));
        Assert.Equal(2 + expectedLength.Length / 2 + length, encoded.Length);
    }

    [Fact]
    public void Writes_nested_constructed_objects_and_fills_in_their_lengths()
    {
        var writer = new TlvWriter();
        using (writer.BeginConstructed(new Tag(0x6F)))
        {
            writer.Write(new Tag(0x84), Hex.Decode("A0 00 00 08 70 01 01"));
            using (writer.BeginConstructed(new Tag(0xA5)))
            {
                writer.Write(new Tag(0x50), "PURSE"u8);
                writer.WriteUnsigned(new Tag(0x9F38), 0x0102);
                using (writer.BeginConstructed(new Tag(0xBF0C)))
                {
                    Assert.Equal(3, writer.Depth);
                }
            }
        }

        Assert.Equal(0, writer.Depth);
        Assert.Equal("6F1A8407A0000008700101A50F50055055525345" + "9F38020102BF0C00", Convert.ToHexString(writer.ToArray()));
    }

    [Fact]
    public void A_constructed_value_that_outgrows_the_short_form_gets_a_long_length()
    {
        var writer = new TlvWriter();
        using (writer.BeginConstructed(new Tag(0x7F21)))
        {
            writer.Write(new Tag(0x5F37), new byte[0x80]);
            writer.Write(new Tag(0x42), new byte[0x7B]);
        }

        byte[] encoded = writer.ToArray();

        // 5F37 81 80 and 128 bytes make 132; 42 7B and 123 bytes make 125; together 257 = 0x0101.
        Assert.Equal("7F21820101", Convert.ToHexString(encoded.AsSpan(0, 5)));
        Assert.Equal("5F378180", Convert.ToHexString(encoded.AsSpan(5, 4)));
        TlvObject parsed = TlvObject.Parse(encoded);
        Assert.Equal(0x80, parsed.Find(new Tag(0x5F37))!.Value.Length);
        Assert.Equal(0x7B, parsed.Find(new Tag(0x42))!.Value.Length);
    }

    [Fact]
    public void Writing_a_parsed_tree_re_encodes_it_minimally()
    {
        TlvObject received = TlvObject.ParseHex("70 81 06 00 5A 82 00 01 01");
        var writer = new TlvWriter();

        writer.Write(received);

        Assert.Equal("70035A0101", Convert.ToHexString(writer.ToArray()));
    }

    [Fact]
    public void EndConstructed_closes_the_innermost_object()
    {
        var writer = new TlvWriter();
        writer.BeginConstructed(new Tag(0x70));
        writer.BeginConstructed(new Tag(0x61));
        writer.Write(new Tag(0x4F), [0xA0]);
        writer.EndConstructed();
        writer.EndConstructed();

        Assert.Equal("700561034F01A0", Convert.ToHexString(writer.ToArray()));
    }

    [Fact]
    public void Misuse_is_reported_plainly()
    {
        var writer = new TlvWriter();

        var primitive = Assert.Throws<ArgumentException>(() => writer.BeginConstructed(new Tag(0x84)));
        Assert.Contains("tag 84 is primitive", primitive.Message);
        Assert.Throws<ArgumentException>(() => writer.Write(default(Tag), []));
        Assert.Throws<InvalidOperationException>(writer.EndConstructed);

        writer.BeginConstructed(new Tag(0x6F));
        var open = Assert.Throws<InvalidOperationException>(() => writer.ToArray());
        Assert.Contains("6F is still open", open.Message);
    }

    [Fact]
    public void Scopes_must_close_innermost_first()
    {
        var writer = new TlvWriter();
        IDisposable outer = writer.BeginConstructed(new Tag(0x6F));
        IDisposable inner = writer.BeginConstructed(new Tag(0xA5));

        var e = Assert.Throws<InvalidOperationException>(outer.Dispose);
        Assert.Contains("out of order", e.Message);

        inner.Dispose();
        inner.Dispose();
        outer.Dispose();
        Assert.Equal("6F02A500", Convert.ToHexString(writer.ToArray()));
    }

    [Fact]
    public void Clear_starts_over()
    {
        var writer = new TlvWriter();
        writer.BeginConstructed(new Tag(0x6F));
        writer.Write(new Tag(0x84), [1]);

        writer.Clear();
        writer.Write(new Tag(0x85), [2]);

        Assert.Equal(0, writer.Depth);
        Assert.Equal(3, writer.Length);
        Assert.Equal("850102", Convert.ToHexString(writer.ToArray()));
    }

    [Fact]
    public void WriteEncoded_appends_the_bytes_unchanged_even_inside_a_constructed_object()
    {
        var writer = new TlvWriter();
        using (writer.BeginConstructed(new Tag(0x70)))
        {
            writer.WriteEncoded(Hex.Decode("81 81 02 AA BB"));
        }

        Assert.Equal("7005818102AABB", Convert.ToHexString(writer.ToArray()));
    }
}
