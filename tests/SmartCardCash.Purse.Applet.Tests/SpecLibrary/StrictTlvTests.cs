namespace SmartCardCash.Purse.Applet.Tests.SpecLibrary;

/// <summary>The TLV rules of spec 2.2: short lengths, 81 xx from 128, tag order, nothing unknown or left over.</summary>
public class StrictTlvTests
{
    [Fact]
    public void Reads_tags_in_the_expected_order_and_reaches_the_end()
    {
        var reader = new StrictTlvReader(Hex.Decode("8001AA 8202 0978"));
        Assert.Equal(0xAA, reader.ReadByte(PurseTag.PurseId));
        Assert.Equal(Hex.Decode("0978"), reader.Read(PurseTag.Currency, 2).ToArray());
        Assert.True(reader.IsAtEnd);
    }

    [Theory]
    [InlineData("81 81 05 0102030405", "length 5 must use the short form")]
    [InlineData("81 82 0005 0102030405", "length byte 82 is not allowed")]
    [InlineData("81 80", "length byte 80 is not allowed")]
    [InlineData("81 05 0102", "announces 5 value bytes; only 2 remain")]
    [InlineData("00 01 AA", "padding is not allowed")]
    [InlineData("FF 01 AA", "padding is not allowed")]
    public void Refuses_lengths_and_tags_outside_the_strict_rules(string hex, string message)
    {
        byte[] data = Hex.Decode(hex);
        var error = Assert.Throws<PurseFormatException>(() => StrictTlvReader.ReadSingle(data, PurseTag.PurseClass, 0, 255));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_81_form_from_128_bytes()
    {
        byte[] value = new byte[128];
        byte[] encoded = PurseTlvBuilder.Encode(PurseTag.PurseClass, value);
        Assert.Equal(Hex.Decode("81 81 80"), encoded[..3]);
        Assert.Equal(128, StrictTlvReader.ReadSingle(encoded, PurseTag.PurseClass, 0, 255).Length);
    }

    [Fact]
    public void An_unknown_a_missing_and_a_misplaced_tag_are_all_refused()
    {
        Assert.Throws<PurseFormatException>(() => ReadIdThenCurrency("8001AA 9901 00"));
        Assert.Throws<PurseFormatException>(() => ReadIdThenCurrency("8001AA"));
        Assert.Throws<PurseFormatException>(() => ReadIdThenCurrency("82020978 8001AA"));
        Assert.Throws<PurseFormatException>(() => ReadIdThenCurrency("8001AA 82020978 8001AA"));
    }

    [Fact]
    public void Two_byte_tags_are_read_whole_and_short_second_bytes_refused()
    {
        Assert.Equal(2, StrictTlvReader.ReadSingle(Hex.Decode("7F21 02 AABB"), PurseTag.Certificate, 0, 255).Length);
        Assert.Throws<PurseFormatException>(() => StrictTlvReader.ReadSingle(Hex.Decode("7F05 01 AA"), PurseTag.Certificate, 0, 255));
        Assert.Throws<PurseFormatException>(() => StrictTlvReader.ReadSingle(Hex.Decode("7F"), PurseTag.Certificate, 0, 255));
    }

    [Fact]
    public void The_writer_refuses_values_longer_than_255_bytes()
    {
        Assert.Throws<ArgumentException>(() => PurseTlvBuilder.Encode(PurseTag.PurseId, new byte[256]));
    }

    private static void ReadIdThenCurrency(string hex)
    {
        var reader = new StrictTlvReader(Hex.Decode(hex));
        reader.Read(PurseTag.PurseId, 1);
        reader.Read(PurseTag.Currency, 2);
        reader.EnsureEnd();
    }
}
