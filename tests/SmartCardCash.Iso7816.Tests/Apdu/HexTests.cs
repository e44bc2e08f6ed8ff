namespace SmartCardCash.Iso7816.Tests.Apdu;

public class HexTests
{
    [Theory]
    [InlineData("00A40400")]
    [InlineData("00 a4 04 00")]
    [InlineData("00:A4:04:00")]
    [InlineData("00-A4-04-00\n")]
    public void Decode_ignores_separators_and_case(string hex)
    {
        Assert.Equal(new byte[] { 0x00, 0xA4, 0x04, 0x00 }, Hex.Decode(hex));
    }

    [Fact]
    public void Decode_names_the_offending_character_and_position()
    {
        var e = Assert.Throws<FormatException>(() => Hex.Decode("00 G4"));
        Assert.Equal("'G' at position 4 is not a hex digit.", e.Message);
    }

    [Fact]
    public void Decode_rejects_an_odd_number_of_digits()
    {
        var e = Assert.Throws<FormatException>(() => Hex.Decode("00A"));
        Assert.Contains("odd number of digits (3)", e.Message);
        Assert.False(Hex.TryDecode("00A", out byte[] bytes));
        Assert.Empty(bytes);
    }

    [Fact]
    public void EncodeSpaced_separates_bytes_with_single_spaces()
    {
        Assert.Equal("00 A4 04 00", Hex.EncodeSpaced(new byte[] { 0x00, 0xA4, 0x04, 0x00 }));
        Assert.Equal("", Hex.EncodeSpaced([]));
        Assert.Equal("0A", Hex.EncodeSpaced([0x0A]));
    }
}
