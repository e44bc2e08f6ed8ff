using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SmartCardCash.Iso7816.Tests.Pipeline;

public partial class ApduTraceTransformTests
{
    private const string Reader = "ACS ACR39U 00 00";

    [Fact]
    public void Logs_the_command_and_the_timed_response_with_the_status_word_meaning()
    {
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel().Answer("6F 03 84 01 A0 90 00");

        new ApduTraceTransform(logger, Reader).Invoke(
            CommandApdu.ParseHex("00 A4 04 00 07 A0 00 00 08 70 01 01 00"), card.Next);

        Assert.Equal(2, logger.Entries.Count);
        Assert.Equal("→ 00 A4 04 00 07  A0 00 00 08 70 01 01  (case 4 short, Le=256)  [ACS ACR39U 00 00]",
            logger.Entries[0].Message);
        string response = logger.Entries[1].Message;
        Assert.StartsWith("← 6F 03 84 01 A0  9000 success  (", response);
        Assert.Matches(ElapsedPattern(), response);
        Assert.All(logger.Entries, e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Fact]
    public void A_response_without_data_shows_only_the_status_word()
    {
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel().Answer("6A 82");

        new ApduTraceTransform(logger, Reader).Invoke(CommandApdu.ParseHex("00 A4 04 00 02 3F 00"), card.Next);

        Assert.Equal("→ 00 A4 04 00 02  3F 00  (case 3 short)  [ACS ACR39U 00 00]", logger.Entries[0].Message);
        Assert.StartsWith("← 6A82 file or application not found  (", logger.Entries[1].Message);
    }

    [Fact]
    public void Case_1_and_extended_commands_read_as_such()
    {
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00");
        var trace = new ApduTraceTransform(logger, Reader);

        trace.Invoke(CommandApdu.ParseHex("80 70 00 00"), card.Next);
        trace.Invoke(new CommandApdu(0x00, 0xDA, 0x01, 0x02, new byte[2], 300), card.Next);

        Assert.Equal("→ 80 70 00 00  (case 1)  [ACS ACR39U 00 00]", logger.Entries[0].Message);
        Assert.Equal("→ 00 DA 01 02 00 00 02  00 00  (case 4 extended, Le=300)  [ACS ACR39U 00 00]",
            logger.Entries[2].Message);
    }

    [Theory]
    [InlineData(0x20)]
    [InlineData(0x24)]
    [InlineData(0x26)]
    [InlineData(0x28)]
    [InlineData(0x2C)]
    public void PIN_commands_are_redacted_by_default(byte ins)
    {
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel().Answer("63 C2");

        new ApduTraceTransform(logger, Reader).Invoke(
            new CommandApdu(0x00, ins, 0x00, 0x80, Hex.Decode("31 32 33 34 FF FF FF FF")), card.Next);

        string command = logger.Entries[0].Message;
        Assert.Contains($"00 {ins:X2} 00 80 08  ** redacted (8 bytes) **", command);
        Assert.DoesNotContain("31 32 33 34", command);
        Assert.StartsWith("← 63C2 verification failed, 2 tries left", logger.Entries[1].Message);
    }

    [Fact]
    public void Callers_can_redact_their_own_instructions()
    {
        var options = new ApduTraceOptions();
        options.RedactedInstructions.Add(0xE6);
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel().Answer("90 00").Answer("90 00");
        var trace = new ApduTraceTransform(logger, Reader, options);

        trace.Invoke(CommandApdu.ParseHex("80 E6 00 00 04 01 02 03 04"), card.Next);
        trace.Invoke(CommandApdu.ParseHex("80 E8 00 00 04 01 02 03 04"), card.Next);

        Assert.Contains("** redacted (4 bytes) **", logger.Entries[0].Message);
        Assert.Contains("01 02 03 04", logger.Entries[2].Message);
    }

    [Fact]
    public void Options_changed_after_construction_have_no_effect()
    {
        var options = new ApduTraceOptions();
        var logger = new CapturingLogger();
        var trace = new ApduTraceTransform(logger, Reader, options);
        options.RedactedInstructions.Clear();
        options.Level = LogLevel.Critical;

        trace.Invoke(CommandApdu.ParseHex("00 20 00 80 02 12 34"), new ScriptedCardChannel().Answer("90 00").Next);

        Assert.Contains("** redacted (2 bytes) **", logger.Entries[0].Message);
        Assert.Equal(LogLevel.Debug, logger.Entries[0].Level);
    }

    [Fact]
    public void Long_data_is_cut_with_a_count_of_the_rest()
    {
        var logger = new CapturingLogger();
        var card = new ScriptedCardChannel().Answer("01 02 03 04 05 06 07 08 09 0A 90 00");

        new ApduTraceTransform(logger, Reader, new ApduTraceOptions { MaxDataBytes = 4 }).Invoke(
            CommandApdu.ParseHex("00 D6 00 00 06 AA BB CC DD EE FF"), card.Next);

        Assert.Contains("AA BB CC DD ... (+2 bytes, 6 in all)", logger.Entries[0].Message);
        Assert.StartsWith("← 01 02 03 04 ... (+6 bytes, 10 in all)  9000 success", logger.Entries[1].Message);
    }

    [Fact]
    public void Logs_at_the_configured_level()
    {
        var logger = new CapturingLogger();

        new ApduTraceTransform(logger, Reader, new ApduTraceOptions { Level = LogLevel.Information })
            .Invoke(CommandApdu.ParseHex("00 B0 00 00 00"), new ScriptedCardChannel().Answer("90 00").Next);

        Assert.All(logger.Entries, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Equal(2, logger.Entries.Count);
    }

    [Fact]
    public void Logs_nothing_when_the_level_is_disabled_but_still_passes_the_response_on()
    {
        var logger = new CapturingLogger(LogLevel.Information);
        var card = new ScriptedCardChannel().Answer("01 90 00");

        ResponseApdu response = new ApduTraceTransform(logger, Reader)
            .Invoke(CommandApdu.ParseHex("00 B0 00 00 01"), card.Next);

        Assert.Empty(logger.Entries);
        Assert.Equal(ResponseApdu.ParseHex("01 90 00"), response);
    }

    [Fact]
    public void Logs_a_failed_exchange_with_its_elapsed_time_and_rethrows_the_same_exception()
    {
        var logger = new CapturingLogger();
        var removed = new CardRemovedException("the card was removed during the exchange.");
        var card = new ScriptedCardChannel().Throw(removed);

        var thrown = Assert.Throws<CardRemovedException>(() =>
            new ApduTraceTransform(logger, Reader).Invoke(CommandApdu.ParseHex("00 B0 00 00 00"), card.Next));

        Assert.Same(removed, thrown);
        Assert.Equal(2, logger.Entries.Count);
        string failure = logger.Entries[1].Message;
        Assert.StartsWith("✗ CardRemovedException: the card was removed during the exchange.  (", failure);
        Assert.Matches(ElapsedPattern(), failure);
        Assert.EndsWith("[ACS ACR39U 00 00]", failure);
    }

    [Fact]
    public void Entries_carry_structured_properties_for_log_sinks()
    {
        var logger = new CapturingLogger();

        new ApduTraceTransform(logger, Reader).Invoke(CommandApdu.ParseHex("00 B0 00 00 00"),
            new ScriptedCardChannel().Answer("90 00").Next);

        Assert.Equal("ApduCommand", logger.Entries[0].EventId.Name);
        Assert.Equal(Reader, logger.Entries[0].Properties["Channel"]);
        Assert.Equal("case 2 short, Le=256", logger.Entries[0].Properties["Summary"]);
        Assert.Equal("ApduResponse", logger.Entries[1].EventId.Name);
        Assert.True(logger.Entries[1].Properties.ContainsKey("ElapsedMs"));
    }

    [Theory]
    [InlineData(3.2, "3.2")]
    [InlineData(120.46, "120.5")]
    [InlineData(0.0123, "0.012")]
    [InlineData(0, "0.000")]
    public void Elapsed_time_keeps_sub_millisecond_detail(double milliseconds, string expected)
    {
        Assert.Equal(expected, ApduTraceFormatter.FormatElapsed(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [GeneratedRegex(@"\(\d+\.\d+ ms\)")]
    private static partial Regex ElapsedPattern();
}
