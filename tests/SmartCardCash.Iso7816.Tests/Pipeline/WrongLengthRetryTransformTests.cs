namespace SmartCardCash.Iso7816.Tests.Pipeline;

public class WrongLengthRetryTransformTests
{
    [Fact]
    public void Resends_with_the_exact_Le_the_card_asks_for()
    {
        var card = new ScriptedCardChannel()
            .Expect("00 B0 00 00 00", "6C 10")
            .Expect("00 B0 00 00 10", "00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 90 00");

        ResponseApdu response = new WrongLengthRetryTransform().Invoke(CommandApdu.ParseHex("00 B0 00 00 00"), card.Next);

        Assert.Equal(16, response.Data.Length);
        Assert.True(response.IsSuccess);
        Assert.Equal(0, card.Remaining);
    }

    [Fact]
    public void Reads_6C00_as_256()
    {
        var card = new ScriptedCardChannel()
            .Expect("00 B2 01 0C 10", "6C 00")
            .Expect("00 B2 01 0C 00", "90 00");

        new WrongLengthRetryTransform().Invoke(CommandApdu.ParseHex("00 B2 01 0C 10"), card.Next);

        Assert.Equal(new[] { "00B2010C10", "00B2010C00" }, card.Sent);
    }

    [Fact]
    public void Keeps_header_and_data_and_adds_Le_to_a_command_that_had_none()
    {
        var card = new ScriptedCardChannel()
            .Expect("80 CA 9F 7F 02 01 02", "6C 2D")
            .Expect("80 CA 9F 7F 02 01 02 2D", "90 00");

        new WrongLengthRetryTransform().Invoke(CommandApdu.ParseHex("80 CA 9F 7F 02 01 02"), card.Next);

        Assert.Equal(0, card.Remaining);
    }

    [Fact]
    public void Resends_only_once()
    {
        var card = new ScriptedCardChannel().Answer("6C 10").Answer("6C 08");

        ResponseApdu response = new WrongLengthRetryTransform().Invoke(CommandApdu.ParseHex("00 B0 00 00 00"), card.Next);

        Assert.Equal(new StatusWord(0x6C08), response.StatusWord);
        Assert.Equal(2, card.Sent.Count);
    }

    [Theory]
    [InlineData("90 00")]
    [InlineData("61 10")]
    [InlineData("67 00")]
    public void Other_answers_pass_through_untouched(string answer)
    {
        var card = new ScriptedCardChannel().Answer(answer);
        ResponseApdu? seen = null;

        ResponseApdu response = new WrongLengthRetryTransform().Invoke(CommandApdu.ParseHex("00 B0 00 00 00"),
            c => seen = card.Next(c));

        Assert.Same(seen, response);
        Assert.Single(card.Sent);
    }
}
