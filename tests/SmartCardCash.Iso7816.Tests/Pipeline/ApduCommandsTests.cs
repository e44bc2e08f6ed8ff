namespace SmartCardCash.Iso7816.Tests.Pipeline;

public class ApduCommandsTests
{
    [Fact]
    public void SelectByAid_asks_for_the_first_occurrence_and_up_to_256_bytes()
    {
        Assert.Equal("00A4040007A000000870010100", ApduCommands.SelectByAid(Hex.Decode("A0 00 00 08 70 01 01")).ToHex());
        Assert.Equal("84A4040002A00000", ApduCommands.SelectByAid([0xA0, 0x00], cla: 0x84).ToHex());
    }

    [Fact]
    public void SelectByAid_with_no_AID_selects_the_default_application()
    {
        Assert.Equal("00A4040000", ApduCommands.SelectByAid([]).ToHex());
    }

    [Fact]
    public void SelectByAid_rejects_AIDs_longer_than_16_bytes()
    {
        var e = Assert.Throws<ArgumentException>(() => ApduCommands.SelectByAid(new byte[17]));
        Assert.Contains("at most 16 bytes; got 17", e.Message);
    }

    [Theory]
    [InlineData(16, "00C0000010")]
    [InlineData(256, "00C0000000")]
    public void GetResponse_encodes_Le(int ne, string expected)
    {
        Assert.Equal(expected, ApduCommands.GetResponse(ne).ToHex());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void GetResponse_rejects_lengths_61xx_cannot_announce(int ne)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApduCommands.GetResponse(ne));
    }

    [Fact]
    public void GetData_puts_the_tag_in_P1_P2()
    {
        Assert.Equal("80CA9F7F00", ApduCommands.GetData(new Tag(0x9F7F), cla: 0x80).ToHex());
        Assert.Equal("00CA006E00", ApduCommands.GetData(new Tag(0x6E)).ToHex());
        Assert.Equal("00CA5F2D10", ApduCommands.GetData(new Tag(0x5F2D), ne: 16).ToHex());
    }

    [Fact]
    public void GetData_rejects_tags_that_do_not_fit_P1_P2()
    {
        Assert.Throws<ArgumentException>(() => ApduCommands.GetData(new Tag(0x5F8101)));
        Assert.Throws<ArgumentException>(() => ApduCommands.GetData(default));
    }
}
