namespace SmartCardCash.Iso7816.Tests.Pipeline;

public class ApduPipelineTests
{
    [Fact]
    public void Default_pipeline_fetches_61xx_and_resends_on_6Cxx()
    {
        var card = new ScriptedCardChannel()
            .Expect("00 A4 04 00 02 3F 00 00", "61 04")
            .Expect("00 C0 00 00 04", "6F 02 84 00 90 00")
            .Expect("00 B0 00 00 00", "6C 02")
            .Expect("00 B0 00 00 02", "AB CD 90 00");
        var pipeline = new ApduPipeline(card);

        Assert.Equal(ResponseApdu.ParseHex("6F 02 84 00 90 00"), pipeline.Transmit(CommandApdu.ParseHex("00 A4 04 00 02 3F 00 00")));
        Assert.Equal(ResponseApdu.ParseHex("AB CD 90 00"), pipeline.Transmit(CommandApdu.ParseHex("00 B0 00 00 00")));
        Assert.Equal(0, card.Remaining);
    }

    [Fact]
    public void Transforms_run_in_the_documented_order()
    {
        var custom = new TagTransform();
        var options = new ApduPipelineOptions();
        options.CustomTransforms.Add(custom);

        var pipeline = new ApduPipeline(new ScriptedCardChannel(), options, new CapturingLogger());

        Assert.Collection(pipeline.Transforms,
            t => Assert.Same(custom, t),
            t => Assert.IsType<CommandChainingTransform>(t),
            t => Assert.IsType<GetResponseTransform>(t),
            t => Assert.IsType<WrongLengthRetryTransform>(t),
            t => Assert.IsType<ApduTraceTransform>(t));
    }

    [Fact]
    public void A_61xx_after_the_last_link_of_a_chain_is_fetched_with_the_original_CLA()
    {
        byte[] data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var card = new ScriptedCardChannel()
            .Answer("90 00")
            .Answer("61 03")
            .Expect("04 C0 00 00 03", "01 02 03 90 00");
        var pipeline = new ApduPipeline(card);

        ResponseApdu response = pipeline.Transmit(new CommandApdu(0x04, 0x2A, 0x9E, 0x9A, data, 256));

        Assert.Equal(ResponseApdu.ParseHex("01 02 03 90 00"), response);
        Assert.Equal(new byte[] { 0x14, 0x04, 0x04 }, card.Sent.Select(s => Convert.FromHexString(s)[0]));
        Assert.Equal(0, card.Remaining);
    }

    [Fact]
    public void A_6Cxx_answer_to_GET_RESPONSE_is_resent_with_the_exact_length()
    {
        var card = new ScriptedCardChannel()
            .Expect("00 CA 9F 7F 00", "61 2D")
            .Expect("00 C0 00 00 2D", "6C 2A")
            .Expect("00 C0 00 00 2A", "9F 7F 27 " + string.Concat(Enumerable.Repeat("00", 39)) + "90 00");

        ResponseApdu response = new ApduPipeline(card).Transmit(ApduCommands.GetData(new Tag(0x9F7F)));

        Assert.Equal(42, response.Data.Length);
        Assert.True(response.IsSuccess);
    }

    [Fact]
    public void The_trace_shows_every_physical_exchange()
    {
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel("emulator:alice").Answer("61 02").Answer("6C 01").Answer("AA 90 00");

        new ApduPipeline(card, logger: logger).Transmit(CommandApdu.ParseHex("00 B2 01 0C 00"));

        string[] commands = logger.Messages.Where(m => m.StartsWith('→')).ToArray();
        Assert.Equal(3, commands.Length);
        Assert.StartsWith("→ 00 B2 01 0C  (case 2 short, Le=256)  [emulator:alice]", commands[0]);
        Assert.StartsWith("→ 00 C0 00 00  (case 2 short, Le=2)", commands[1]);
        Assert.StartsWith("→ 00 C0 00 00  (case 2 short, Le=1)", commands[2]);
        Assert.Equal(3, logger.Messages.Count(m => m.StartsWith('←')));
    }

    [Fact]
    public void AutoGetResponse_off_returns_61xx_unchanged()
    {
        var card = new ScriptedCardChannel().Answer("01 61 10");

        ResponseApdu response = new ApduPipeline(card, new ApduPipelineOptions { AutoGetResponse = false })
            .Transmit(CommandApdu.ParseHex("00 B0 00 00 00"));

        Assert.Equal(ResponseApdu.ParseHex("01 61 10"), response);
        Assert.Single(card.Sent);
    }

    [Fact]
    public void ResendOnWrongLength_off_returns_6Cxx_unchanged()
    {
        var card = new ScriptedCardChannel().Answer("6C 10");

        ResponseApdu response = new ApduPipeline(card, new ApduPipelineOptions { ResendOnWrongLength = false })
            .Transmit(CommandApdu.ParseHex("00 B0 00 00 00"));

        Assert.Equal(new StatusWord(0x6C10), response.StatusWord);
        Assert.Single(card.Sent);
    }

    [Fact]
    public void CommandChaining_off_sends_long_data_in_one_extended_command()
    {
        var command = new CommandApdu(0x00, 0xDA, 0x01, 0x02, new byte[300]);
        var card = new ScriptedCardChannel().Answer("90 00");

        new ApduPipeline(card, new ApduPipelineOptions { CommandChaining = false }).Transmit(command);

        Assert.Equal(command.ToHex(), Assert.Single(card.Sent));
    }

    [Fact]
    public void MaxCommandDataLength_and_ExtendedLengthSupported_reach_the_chaining_step()
    {
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00");
        var options = new ApduPipelineOptions { MaxCommandDataLength = 400, ExtendedLengthSupported = true };

        new ApduPipeline(card, options).Transmit(new CommandApdu(0x00, 0xDA, 0x01, 0x02, new byte[500]));

        Assert.Equal(new[] { 400, 100 }, card.Sent.Select(s => CommandApdu.ParseHex(s).Nc));
    }

    [Fact]
    public void MaxResponseLength_reaches_the_GET_RESPONSE_step()
    {
        var card = new ScriptedCardChannel().Answer("61 FF").Answer(string.Concat(Enumerable.Repeat("00", 255)) + "61 FF");

        var e = Assert.Throws<CardCommunicationException>(() =>
            new ApduPipeline(card, new ApduPipelineOptions { MaxResponseLength = 300 })
                .Transmit(CommandApdu.ParseHex("00 B0 00 00 00")));

        Assert.Contains("limit of 300", e.Message);
    }

    [Fact]
    public void Custom_transforms_run_outside_chaining_and_GET_RESPONSE()
    {
        var options = new ApduPipelineOptions();
        var custom = new TagTransform();
        options.CustomTransforms.Add(custom);
        var card = new ScriptedCardChannel().Answer("90 00").Answer("61 01").Answer("77 90 00");

        ResponseApdu response = new ApduPipeline(card, options).Transmit(new CommandApdu(0x00, 0xDA, 0x01, 0x02, new byte[300]));

        // The custom step saw one whole command and one whole response; its CLA change reached every link.
        Assert.Single(custom.Seen);
        Assert.Equal(300, custom.Seen[0].Nc);
        Assert.Equal(new byte[] { 0x1C, 0x0C, 0x0C }, card.Sent.Select(s => Convert.FromHexString(s)[0]));
        Assert.Equal(ResponseApdu.ParseHex("77 90 00"), response);
    }

    [Theory]
    [InlineData(new byte[0], "returned nothing")]
    [InlineData(new byte[] { 0x90 }, "returned only 1 byte (90)")]
    public void A_response_shorter_than_a_status_word_is_a_communication_error(byte[] raw, string expected)
    {
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel("reader 1").AnswerRaw(raw);

        var e = Assert.Throws<CardCommunicationException>(() =>
            new ApduPipeline(card, logger: logger).Transmit(CommandApdu.ParseHex("00 B0 00 00 00")));

        Assert.Equal($"reader 1 {expected} where a response needs at least the 2-byte status word.", e.Message);
        Assert.StartsWith("✗ CardCommunicationException: reader 1", logger.Entries[^1].Message);
    }

    [Fact]
    public void Channel_failures_reach_the_caller_unchanged()
    {
        var removed = new CardRemovedException("the card was removed.");
        var card = new ScriptedCardChannel().Answer("61 10").Throw(removed);

        var thrown = Assert.Throws<CardRemovedException>(() =>
            new ApduPipeline(card).Transmit(CommandApdu.ParseHex("00 B0 00 00 00")));

        Assert.Same(removed, thrown);
    }

    [Fact]
    public void The_pipeline_does_not_dispose_the_channel()
    {
        var card = new ScriptedCardChannel().Answer("90 00");

        IApduTransmitter transmitter = new ApduPipeline(card);
        transmitter.Transmit(CommandApdu.ParseHex("00 B0 00 00 00"));

        Assert.False(card.Disposed);
        Assert.Same(card, ((ApduPipeline)transmitter).Channel);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ApduPipeline(null!));
        Assert.Throws<ArgumentNullException>(() => new ApduPipeline(new ScriptedCardChannel()).Transmit(null!));
    }

    /// <summary>Stands in for secure messaging: marks commands with CLA 0C and records what it sees.</summary>
    private sealed class TagTransform : IApduTransform
    {
        public List<CommandApdu> Seen { get; } = [];

        public ResponseApdu Invoke(CommandApdu command, Func<CommandApdu, ResponseApdu> next)
        {
            Seen.Add(command);
            return next(command.WithCla((byte)(command.Cla | 0x0C)));
        }
    }
}
