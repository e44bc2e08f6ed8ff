namespace SmartCardCash.Iso7816.Tests.Apdu;

public class ResponseApduTests
{
    [Fact]
    public void Parse_splits_data_and_status_word()
    {
        ResponseApdu response = ResponseApdu.ParseHex("6F 03 84 01 A0 90 00");

        Assert.Equal(Hex.Decode("6F 03 84 01 A0"), response.Data.ToArray());
        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.True(response.IsSuccess);
        Assert.Equal("6F038401A09000", response.ToHex());
    }

    [Fact]
    public void A_status_word_alone_is_a_response_without_data()
    {
        ResponseApdu response = ResponseApdu.ParseHex("6A82");

        Assert.True(response.Data.IsEmpty);
        Assert.Equal("6A82", response.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    public void Fewer_than_two_bytes_are_not_a_response(string hex)
    {
        var e = Assert.Throws<ApduFormatException>(() => ResponseApdu.ParseHex(hex));
        Assert.Contains("2-byte status word", e.Message);
    }

    [Fact]
    public void EnsureSuccess_throws_CardStatusException_carrying_the_status_word()
    {
        ResponseApdu response = ResponseApdu.ParseHex("6982");

        var e = Assert.Throws<CardStatusException>(() => response.EnsureSuccess());

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, e.StatusWord);
        Assert.Contains("security status not satisfied", e.Message);
    }

    [Fact]
    public void EnsureSuccess_returns_the_same_response_on_9000()
    {
        ResponseApdu response = ResponseApdu.ParseHex("01 02 90 00");

        Assert.Same(response, response.EnsureSuccess());
    }

    [Fact]
    public void Equality_compares_data_and_status_word()
    {
        Assert.Equal(ResponseApdu.ParseHex("01029000"), new ResponseApdu(new byte[] { 1, 2 }, StatusWord.Success));
        Assert.NotEqual(ResponseApdu.ParseHex("01029000"), ResponseApdu.ParseHex("01036A82"));
        Assert.NotEqual(ResponseApdu.ParseHex("01029000"), ResponseApdu.ParseHex("01039000"));
    }
}
