namespace SmartCardCash.Iso7816.Tests.Pipeline;

public class CommandChainingTransformTests
{
    [Fact]
    public void Short_enough_commands_pass_through_as_the_same_object()
    {
        AssertPassedDownAsIs(new CommandApdu(0x00, 0xDA, 0x01, 0x02, Bytes(255), 0));
    }

    [Fact]
    public void Splits_long_data_into_255_byte_links_with_the_chaining_bit_on_all_but_the_last()
    {
        byte[] data = Bytes(600);
        var command = new CommandApdu(0x00, 0xDB, 0x3F, 0xFF, data, 256);
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00").Answer("01 02 90 00");

        ResponseApdu response = new CommandChainingTransform().Invoke(command, card.Next);

        Assert.Equal(3, card.Sent.Count);
        Assert.Equal("10DB3FFFFF" + Convert.ToHexString(data, 0, 255), card.Sent[0]);
        Assert.Equal("10DB3FFFFF" + Convert.ToHexString(data, 255, 255), card.Sent[1]);
        Assert.Equal("00DB3FFF5A" + Convert.ToHexString(data, 510, 90) + "00", card.Sent[2]);
        Assert.Equal(ResponseApdu.ParseHex("01 02 90 00"), response);
    }

    [Fact]
    public void Honours_a_smaller_card_limit()
    {
        var command = new CommandApdu(0x80, 0xE2, 0x00, 0x00, Bytes(250), 0);
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00").Answer("90 00");

        new CommandChainingTransform(maxCommandDataLength: 100).Invoke(command, card.Next);

        Assert.Equal(new[] { 100, 100, 50 }, card.Sent.Select(s => CommandApdu.ParseHex(s).Nc));
        Assert.Equal(new byte[] { 0x90, 0x90, 0x80 }, card.Sent.Select(s => CommandApdu.ParseHex(s).Cla));
        Assert.Equal(Bytes(250), card.Sent.SelectMany(s => CommandApdu.ParseHex(s).Data.ToArray()).ToArray());
    }

    [Fact]
    public void Data_that_fills_whole_links_makes_no_empty_last_link()
    {
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00");

        new CommandChainingTransform().Invoke(new CommandApdu(0x00, 0xDA, 0x01, 0x02, Bytes(510)), card.Next);

        Assert.Equal(2, card.Sent.Count);
        Assert.StartsWith("10DA0102FF", card.Sent[0]);
        Assert.StartsWith("00DA0102FF", card.Sent[1]);
    }

    [Fact]
    public void An_error_on_an_intermediate_link_stops_the_chain_and_is_returned()
    {
        var card = new ScriptedCardChannel().Answer("90 00").Answer("6A 80").Answer("90 00");

        ResponseApdu response = new CommandChainingTransform().Invoke(
            new CommandApdu(0x00, 0xDB, 0x3F, 0xFF, Bytes(700)), card.Next);

        Assert.Equal(StatusWord.IncorrectData, response.StatusWord);
        Assert.Equal(2, card.Sent.Count);
        Assert.Equal(1, card.Remaining);
    }

    [Theory]
    [InlineData(0x10)]
    [InlineData(0xFF)]
    public void Commands_already_chained_by_the_caller_and_CLA_FF_pass_through(byte cla)
    {
        AssertPassedDownAsIs(new CommandApdu(cla, 0xDB, 0x3F, 0xFF, Bytes(300)));
    }

    [Fact]
    public void Without_extended_length_a_large_Ne_becomes_Le_00()
    {
        var command = new CommandApdu(0x00, 0xB0, 0x00, 0x00, default, 65536);
        var card = new ScriptedCardChannel().Expect("00 B0 00 00 00", "90 00");

        new CommandChainingTransform().Invoke(command, card.Next);

        Assert.Equal(0, card.Remaining);
    }

    [Fact]
    public void Without_extended_length_a_command_forced_extended_is_sent_short()
    {
        var command = new CommandApdu(0x00, 0xDA, 0x01, 0x02, Bytes(3), 0, ApduEncoding.Extended);
        var card = new ScriptedCardChannel().Expect("00 DA 01 02 03 00 07 0E", "90 00");

        new CommandChainingTransform().Invoke(command, card.Next);

        Assert.Equal(0, card.Remaining);
    }

    [Fact]
    public void Without_extended_length_a_long_case_4_is_chained_short_and_the_last_link_asks_for_Le_00()
    {
        var command = new CommandApdu(0x00, 0x2A, 0x9E, 0x9A, Bytes(300), 65536);
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00");

        new CommandChainingTransform().Invoke(command, card.Next);

        Assert.Equal("102A9E9AFF", card.Sent[0][..10]);
        Assert.Equal(4 + 1 + 255, card.Sent[0].Length / 2);
        Assert.Equal("002A9E9A2D" + Convert.ToHexString(Bytes(300), 255, 45) + "00", card.Sent[1]);
    }

    [Fact]
    public void Without_extended_length_a_limit_above_255_acts_as_255()
    {
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00");

        new CommandChainingTransform(maxCommandDataLength: 1000).Invoke(
            new CommandApdu(0x00, 0xDA, 0x01, 0x02, Bytes(300)), card.Next);

        Assert.Equal(new[] { 255, 45 }, card.Sent.Select(s => CommandApdu.ParseHex(s).Nc));
    }

    [Fact]
    public void With_extended_length_long_data_within_the_limit_goes_in_one_extended_command()
    {
        var command = new CommandApdu(0x00, 0xDA, 0x01, 0x02, Bytes(600), 65536);
        CommandApdu? seen = null;

        new CommandChainingTransform(CommandApdu.MaxExtendedDataLength, extendedLengthSupported: true).Invoke(command, c =>
        {
            seen = c;
            return new ResponseApdu(StatusWord.Success);
        });

        Assert.Same(command, seen);
    }

    [Fact]
    public void With_extended_length_links_may_be_extended()
    {
        var command = new CommandApdu(0x0C, 0xDB, 0x3F, 0xFF, Bytes(2500), 1000);
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00").Answer("90 00");

        new CommandChainingTransform(1000, extendedLengthSupported: true).Invoke(command, card.Next);

        CommandApdu[] links = card.Sent.Select(CommandApdu.ParseHex).ToArray();
        Assert.Equal(new[] { 1000, 1000, 500 }, links.Select(l => l.Nc));
        Assert.Equal(new byte[] { 0x1C, 0x1C, 0x0C }, links.Select(l => l.Cla));
        Assert.Equal(new[] { 0, 0, 1000 }, links.Select(l => l.Ne));
        Assert.All(links, l => Assert.True(l.IsExtended));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Rejects_impossible_limits(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandChainingTransform(limit));
    }

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7)).ToArray();

    /// <summary>The transform hands <paramref name="command"/> itself to the next stage: not split, not copied.</summary>
    private static void AssertPassedDownAsIs(CommandApdu command)
    {
        CommandApdu? seen = null;

        new CommandChainingTransform().Invoke(command, c =>
        {
            seen = c;
            return new ResponseApdu(StatusWord.Success);
        });

        Assert.Same(command, seen);
    }
}
