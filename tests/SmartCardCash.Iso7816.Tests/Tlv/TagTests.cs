namespace SmartCardCash.Iso7816.Tests.Tlv;

public class TagTests
{
    [Theory]
    [InlineData(0x6Fu, 1, TagClass.Application, true, 15, "6F")]
    [InlineData(0x84u, 1, TagClass.ContextSpecific, false, 4, "84")]
    [InlineData(0x30u, 1, TagClass.Universal, true, 16, "30")]
    [InlineData(0x9F02u, 2, TagClass.ContextSpecific, false, 2, "9F02")]
    [InlineData(0x5F2Au, 2, TagClass.Application, false, 42, "5F2A")]
    [InlineData(0xBF0Cu, 2, TagClass.ContextSpecific, true, 12, "BF0C")]
    [InlineData(0x7F49u, 2, TagClass.Application, true, 73, "7F49")]
    [InlineData(0x5F8101u, 3, TagClass.Application, false, 129, "5F8101")]
    [InlineData(0xDFFF7Fu, 3, TagClass.Private, false, 16383, "DFFF7F")]
    public void Exposes_length_class_constructed_bit_and_number(uint value, int length, TagClass tagClass,
        bool constructed, int number, string hex)
    {
        var tag = new Tag(value);

        Assert.Equal(length, tag.EncodedLength);
        Assert.Equal(tagClass, tag.Class);
        Assert.Equal(constructed, tag.IsConstructed);
        Assert.Equal(number, tag.Number);
        Assert.Equal(hex, tag.ToString());
        Assert.Equal(Hex.Decode(hex), tag.ToBytes());
        Assert.Equal(tag, Tag.FromBytes(Hex.Decode(hex)));
        Assert.Equal(tag, Tag.Parse(hex));
    }

    [Theory]
    [InlineData(0x00u, "reserved for padding")]
    [InlineData(0x1Fu, "announce a subsequent byte")]
    [InlineData(0x9Fu, "announce a subsequent byte")]
    [InlineData(0x6F1Fu, "only a first byte with low five bits 11111")]
    [InlineData(0x9F81u, "last byte has b8 = 1")]
    [InlineData(0x9F0181u, "second byte has b8 = 0")]
    [InlineData(0x9F8181u, "last byte has b8 = 1")]
    [InlineData(0xFF01u, "FF is reserved for padding")]
    [InlineData(0x5F818101u, "longer than 3 bytes")]
    public void Malformed_tag_numbers_are_rejected(uint value, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => new Tag(value));
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00 6F")]
    [InlineData("5F 81 81 01")]
    public void FromBytes_rejects_anything_but_exactly_one_tag(string hex)
    {
        Assert.Throws<ArgumentException>(() => Tag.FromBytes(Hex.Decode(hex)));
    }

    [Fact]
    public void Parse_reports_bad_tags_as_FormatException()
    {
        var e = Assert.Throws<FormatException>(() => Tag.Parse("9F"));
        Assert.Contains("'9F' is not a BER-TLV tag", e.Message);
    }

    [Fact]
    public void WriteTo_writes_big_endian_bytes_and_checks_room()
    {
        var buffer = new byte[4];
        Assert.Equal(3, new Tag(0x5F8101).WriteTo(buffer));
        Assert.Equal(new byte[] { 0x5F, 0x81, 0x01, 0x00 }, buffer);
        Assert.Throws<ArgumentException>(() => new Tag(0x9F02).WriteTo(new byte[1]));
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.True(new Tag(0x9F02) == Tag.Parse("9F02"));
        Assert.True(new Tag(0x9F02) != new Tag(0x9F03));
        Assert.Equal(new Tag(0x84).GetHashCode(), Tag.Parse("84").GetHashCode());
    }
}
