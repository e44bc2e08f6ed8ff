namespace SmartCardCash.Iso7816.Tests.Pipeline;

public class GetResponseTransformTests
{
    private static readonly CommandApdu Select = CommandApdu.ParseHex("00 A4 04 00 07 A0 00 00 08 70 01 01 00");

    [Fact]
    public void Fetches_announced_data_with_GET_RESPONSE()
    {
        var card = new ScriptedCardChannel()
            .Expect("00 A4 04 00 07 A0 00 00 08 70 01 01 00", "61 05")
            .Expect("00 C0 00 00 05", "6F 03 84 01 A0 90 00");

        ResponseApdu response = new GetResponseTransform().Invoke(Select, card.Next);

        Assert.Equal(ResponseApdu.ParseHex("6F 03 84 01 A0 90 00"), response);
        Assert.Equal(0, card.Remaining);
    }

    [Fact]
    public void Concatenates_several_rounds_and_reads_6100_as_256()
    {
        string first256 = string.Concat(Enumerable.Range(0, 256).Select(i => i.ToString("X2")));
        string last16 = string.Concat(Enumerable.Range(0, 16).Select(i => $"{0xE0 + i:X2}"));
        var card = new ScriptedCardChannel()
            .Expect("00 A4 04 00 07 A0 00 00 08 70 01 01 00", "AA BB 61 00")
            .Expect("00 C0 00 00 00", first256 + "61 10")
            .Expect("00 C0 00 00 10", last16 + "90 00");

        ResponseApdu response = new GetResponseTransform().Invoke(Select, card.Next);

        Assert.Equal(2 + 256 + 16, response.Data.Length);
        Assert.Equal("AABB" + first256 + last16, Convert.ToHexString(response.Data.Span));
        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal(0, card.Remaining);
    }

    [Theory]
    [InlineData(0x00, "00")]
    [InlineData(0x10, "00")]
    [InlineData(0x1D, "0D")]
    [InlineData(0x0C, "0C")]
    [InlineData(0x84, "84")]
    [InlineData(0x94, "84")]
    [InlineData(0xFF, "FF")]
    public void GET_RESPONSE_copies_CLA_without_the_chaining_bit(byte cla, string expectedCla)
    {
        var card = new ScriptedCardChannel()
            .Answer("61 02")
            .Expect(expectedCla + "C0 00 00 02", "01 02 90 00");

        new GetResponseTransform().Invoke(Select.WithCla(cla), card.Next);

        Assert.Equal(expectedCla + "C0000002", card.Sent[1]);
    }

    [Fact]
    public void The_last_status_word_is_the_result()
    {
        var card = new ScriptedCardChannel()
            .Answer("0A 61 02")
            .Answer("0B 0C 62 82");

        ResponseApdu response = new GetResponseTransform().Invoke(Select, card.Next);

        Assert.Equal(ResponseApdu.ParseHex("0A 0B 0C 62 82"), response);
    }

    [Theory]
    [InlineData("90 00")]
    [InlineData("6F 00 90 00")]
    [InlineData("6A 82")]
    [InlineData("6C 10")]
    public void Other_answers_pass_through_untouched(string answer)
    {
        var card = new ScriptedCardChannel().Answer(answer);
        ResponseApdu? seen = null;

        ResponseApdu response = new GetResponseTransform().Invoke(Select, c => seen = card.Next(c));

        Assert.Same(seen, response);
        Assert.Single(card.Sent);
    }

    [Fact]
    public void Gives_up_on_a_card_that_keeps_offering_data_beyond_the_limit()
    {
        string bytes255 = string.Concat(Enumerable.Repeat("EE", 255));
        var card = new ScriptedCardChannel().Answer("61 FF");
        for (int i = 0; i < 10; i++)
        {
            card.Answer(bytes255 + "61 FF");
        }

        var e = Assert.Throws<CardCommunicationException>(
            () => new GetResponseTransform(maxResponseLength: 1000).Invoke(Select, card.Next));

        // 3 rounds bring 765 bytes; a fourth would pass 1000.
        Assert.Equal(4, card.Sent.Count);
        Assert.Contains("after 765 bytes, beyond the limit of 1000", e.Message);
    }

    [Fact]
    public void Gives_up_on_a_card_that_answers_61xx_without_data()
    {
        var card = new ScriptedCardChannel().Answer("61 10").Answer("61 10").Answer("61 10");

        var e = Assert.Throws<CardCommunicationException>(() => new GetResponseTransform().Invoke(Select, card.Next));

        Assert.Equal(2, card.Sent.Count);
        Assert.Contains("no data", e.Message);
    }

    [Fact]
    public void Rejects_a_limit_below_one_byte()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GetResponseTransform(0));
    }
}
