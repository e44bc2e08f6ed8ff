using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Testing;

namespace SmartCardCash.Cli.Tests;

public sealed class ApduCommandTests
{
    private const string Reader = "Virtual PCD 00 00";
    private const string Select = "00A4040007A0000008700101";
    private static readonly byte[] Fci = Hex.Decode("6F108408A000000870010100A5049F6501FF");

    private readonly CliHarness _cli = new();

    /// <summary>A card that answers SELECT with 61xx and hands the FCI out through GET RESPONSE.</summary>
    private static byte[] T0StyleCard(byte[] command) => command[1] switch
    {
        0xA4 => [0x61, (byte)Fci.Length],
        0xC0 => [.. Fci, 0x90, 0x00],
        0xB0 => [0x6A, 0x82],
        0xCA when command.Length == 5 && command[4] == 6 => [1, 2, 3, 4, 5, 6, 0x90, 0x00],
        0xCA => [0x6C, 0x06],
        _ => [0x6D, 0x00],
    };

    [Fact]
    public void Prints_the_reader_then_each_command_and_its_response_with_data_sw_and_meaning()
    {
        _cli.AddCard(Reader, _ => [0xCA, 0xFE, 0x90, 0x00]);

        CliResult result = _cli.Run("apdu", "00B0000002");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            [$"# {Reader}, T=1, ATR {ReaderStates.AtrHex}", "> 00B0000002", "< CAFE 9000 (success)"],
            result.StdoutLines);
    }

    [Fact]
    public void A_61xx_answer_is_completed_with_get_response_by_default()
    {
        FakeCard card = _cli.AddCard(Reader, T0StyleCard);

        CliResult result = _cli.Run("apdu", Select);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Select, "00C0000012"], card.Sent);
        Assert.Equal($"< {Hex.Encode(Fci)} 9000 (success)", result.StdoutLines[^1]);
    }

    [Fact]
    public void A_6Cxx_answer_is_resent_with_the_right_le_by_default()
    {
        FakeCard card = _cli.AddCard(Reader, T0StyleCard);

        CliResult result = _cli.Run("apdu", "00CA000000");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["00CA000000", "00CA000006"], card.Sent);
        Assert.Equal("< 010203040506 9000 (success)", result.StdoutLines[^1]);
    }

    [Fact]
    public void Raw_shows_exactly_what_the_card_said()
    {
        FakeCard card = _cli.AddCard(Reader, T0StyleCard);

        CliResult result = _cli.Run("apdu", "--raw", Select, "00CA000000");

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Equal([Select, "00CA000000"], card.Sent);
        Assert.Contains("< 6112 (success, 18 response bytes wait for GET RESPONSE)", result.StdoutLines);
        Assert.Contains("< 6C06 (wrong Le: 6 bytes available)", result.StdoutLines);
    }

    [Fact]
    public void Every_apdu_is_sent_and_any_error_status_word_gives_exit_1()
    {
        FakeCard card = _cli.AddCard(Reader, T0StyleCard);

        CliResult result = _cli.Run("apdu", "00B0000000", Select);

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Equal(["00B0000000", Select, "00C0000012"], card.Sent);
        Assert.Contains("< 6A82 (file or application not found)", result.StdoutLines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void All_apdus_share_one_connection_and_one_transaction()
    {
        FakeCard card = _cli.AddCard(Reader);

        CliResult result = _cli.Run("apdu", "00A40400", "00B00000", "00B00100");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, card.Sent.Count);
        Assert.Equal(1, card.ConnectCount);
        Assert.Equal(1, card.TransactionCount);
        Assert.Equal(1, card.EndedTransactionCount);
        Assert.Equal(1, card.DisconnectCount);
        Assert.Equal(0, _cli.Pcsc.OpenContexts);
    }

    [Fact]
    public void An_extended_apdu_reaches_the_card_byte_for_byte()
    {
        // UPDATE BINARY with 4000 data bytes: extended Lc, more than a short APDU can carry.
        string apdu = "00D60000000FA0" + Convert.ToHexString([.. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))]);
        FakeCard card = _cli.AddCard(Reader);

        CliResult result = _cli.Run("apdu", apdu);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([apdu], card.Sent);
    }

    [Fact]
    public void Hex_may_be_spaced_when_quoted()
    {
        FakeCard card = _cli.AddCard(Reader);

        CliResult result = _cli.Run("apdu", "00 a4 04 00 07 A0:00:00:08:70:01:01");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Select], card.Sent);
    }

    [Fact]
    public void Json_is_one_document_with_every_exchange()
    {
        _cli.AddCard(Reader, T0StyleCard);

        CliResult result = _cli.Run("apdu", "--json", Select, "00B0000000");

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(Reader, root.GetProperty("reader").GetString());
        Assert.Equal("T=1", root.GetProperty("protocol").GetString());
        Assert.Equal(ReaderStates.AtrHex, root.GetProperty("atr").GetString());
        JsonElement[] exchanges = [.. root.GetProperty("exchanges").EnumerateArray()];
        Assert.Equal(2, exchanges.Length);
        Assert.Equal(Select, exchanges[0].GetProperty("command").GetString());
        Assert.Equal(Hex.Encode(Fci), exchanges[0].GetProperty("data").GetString());
        Assert.Equal("9000", exchanges[0].GetProperty("sw").GetString());
        Assert.Equal("success", exchanges[0].GetProperty("meaning").GetString());
        Assert.Equal("", exchanges[1].GetProperty("data").GetString());
        Assert.Equal("6A82", exchanges[1].GetProperty("sw").GetString());
        Assert.Equal("file or application not found", exchanges[1].GetProperty("meaning").GetString());
    }

    [Fact]
    public void Malformed_hex_is_a_usage_error_before_pcsc_is_touched()
    {
        CliResult result = _cli.Run("apdu", "00A4G0");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("scc: malformed hex: 'G' at position 5 is not a hex digit", result.SingleErrorLine());
        Assert.Equal("", result.Stdout);
        Assert.Empty(_cli.Pcsc.Mock.Invocations);
    }

    [Fact]
    public void Malformed_hex_names_the_apdu_when_there_are_several()
    {
        CliResult result = _cli.Run("apdu", "00A40400", "00B0000");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("scc: malformed hex in APDU 2: hex has an odd number of digits (7); every byte needs two",
            result.SingleErrorLine());
    }

    [Theory]
    [InlineData("00A4040005A000", "short Lc=5 needs a body of 6 or 7 bytes after the header; got 3")]
    [InlineData("00A404", "a command APDU has at least 4 header bytes; got 3")]
    [InlineData("00A4040000000000", "extended Lc=0000 is not allowed")]
    public void An_impossible_apdu_is_a_usage_error(string hex, string reason)
    {
        CliResult result = _cli.Run("apdu", hex);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        string line = result.SingleErrorLine();
        Assert.StartsWith($"scc: impossible APDU {hex}: ", line);
        Assert.Contains(reason, line);
        Assert.Empty(_cli.Pcsc.Mock.Invocations);
    }

    [Fact]
    public void Without_reader_the_one_reader_holding_a_card_is_used()
    {
        _cli.AddEmptyReader("Empty reader");
        FakeCard card = _cli.AddCard("Reader with card");

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(card.Sent);
        Assert.StartsWith("# Reader with card", result.StdoutLines[0]);
    }

    [Fact]
    public void Two_readers_with_cards_and_no_choice_is_exit_3_with_the_list()
    {
        FakeCard a = _cli.AddCard("Reader A");
        FakeCard b = _cli.AddCard("Reader B");

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: 2 readers hold a card: 'Reader A', 'Reader B'; choose one with --reader or SCC_READER",
            result.SingleErrorLine());
        Assert.Equal(0, a.ConnectCount + b.ConnectCount);
    }

    [Fact]
    public void No_card_anywhere_is_exit_3()
    {
        _cli.AddEmptyReader("Reader A");
        _cli.AddEmptyReader("Reader B");

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: there is no card in any reader; the readers are 'Reader A', 'Reader B'", result.SingleErrorLine());
    }

    [Fact]
    public void No_reader_at_all_is_exit_3()
    {
        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: no smart card reader found", result.SingleErrorLine());
    }

    [Fact]
    public void An_empty_chosen_reader_is_exit_3()
    {
        _cli.AddEmptyReader(Reader);

        CliResult result = _cli.Run("apdu", "--reader", Reader, "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Contains("there is no card in the reader", result.SingleErrorLine());
    }

    [Fact]
    public void An_unknown_reader_is_exit_3_and_lists_the_readers_there_are()
    {
        _cli.AddCard("Virtual PCD 00 00");
        _cli.AddEmptyReader("Virtual PCD 00 01");

        CliResult result = _cli.Run("apdu", "--reader", "Gemalto", "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: no reader matches 'Gemalto'; the readers are 'Virtual PCD 00 00', 'Virtual PCD 00 01'",
            result.SingleErrorLine());
    }

    [Fact]
    public void A_unique_part_of_the_name_in_any_case_picks_the_reader()
    {
        _cli.AddCard("Virtual PCD 00 00");
        FakeCard second = _cli.AddCard("Virtual PCD 00 01");

        CliResult result = _cli.Run("apdu", "-r", "pcd 00 01", "00A40400");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(second.Sent);
    }

    [Fact]
    public void SCC_READER_chooses_the_reader_and_reader_option_wins_over_it()
    {
        FakeCard first = _cli.AddCard("Virtual PCD 00 00");
        FakeCard second = _cli.AddCard("Virtual PCD 00 01");
        _cli.Environment["SCC_READER"] = "00 01";

        CliResult fromVariable = _cli.Run("apdu", "00A40400");
        CliResult fromOption = _cli.Run("apdu", "--reader", "00 00", "00A40400");

        Assert.Equal(0, fromVariable.ExitCode);
        Assert.Equal(0, fromOption.ExitCode);
        Assert.Single(second.Sent);
        Assert.Single(first.Sent);
    }

    [Fact]
    public void An_unknown_SCC_READER_names_the_variable()
    {
        _cli.AddCard("Virtual PCD 00 00");
        _cli.Environment["SCC_READER"] = "Omnikey";

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: no reader matches SCC_READER 'Omnikey'; the readers are 'Virtual PCD 00 00'", result.SingleErrorLine());
    }

    [Fact]
    public void Ignored_readers_are_never_chosen()
    {
        _cli.AddCard("Yubico YubiKey CCID 00 00");
        FakeCard wanted = _cli.AddCard("Virtual PCD 00 00");
        _cli.Environment["SCC_IGNORE_READERS"] = "yubico";

        CliResult automatic = _cli.Run("apdu", "00A40400");
        CliResult asked = _cli.Run("apdu", "--reader", "yubikey", "00A40400");

        Assert.Equal(0, automatic.ExitCode);
        Assert.Single(wanted.Sent);
        Assert.Equal(ExitCodes.Unavailable, asked.ExitCode);
        Assert.Equal("scc: 'yubikey' matches only ignored readers ('Yubico YubiKey CCID 00 00', ignored by SCC_IGNORE_READERS)",
            asked.SingleErrorLine());
    }

    [Fact]
    public void Pcscd_not_running_is_exit_3()
    {
        _cli.Pcsc.StopService();

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]", result.SingleErrorLine());
    }

    [Fact]
    public void A_card_held_exclusively_elsewhere_is_exit_3()
    {
        _cli.AddCard(Reader, new FakeCard(ReaderStates.Atr) { ConnectError = PcscError.SharingViolation });

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Contains("[SCARD_E_SHARING_VIOLATION]", result.SingleErrorLine());
    }

    [Fact]
    public void Card_removed_mid_command_is_exit_4_after_the_answers_already_received()
    {
        FakeCard card = _cli.AddCard(Reader, command => command[1] == 0xB0
            ? throw FakeCard.Fails(PcscError.RemovedCard)
            : [0x90, 0x00]);

        CliResult result = _cli.Run("apdu", "00A40400", "00B00000", "00B00100");

        Assert.Equal(ExitCodes.CommunicationFailure, result.ExitCode);
        Assert.Equal($"scc: reader '{Reader}': the card was removed from the reader [SCARD_W_REMOVED_CARD]",
            result.SingleErrorLine());
        Assert.Equal(["> 00A40400", "< 9000 (success)", "> 00B00000"], result.StdoutLines[1..]);
        Assert.Equal(1, card.EndedTransactionCount);
    }

    [Fact]
    public void A_card_that_left_during_a_command_without_a_removal_code_is_exit_4_with_its_own_line()
    {
        // As vpcd in pcscd does: the card goes, and the command completes with success and no bytes.
        _cli.AddCard(Reader, command =>
        {
            if (command[1] != 0xB0)
            {
                return [0x90, 0x00];
            }
            _cli.Pcsc.RemoveCard(Reader);
            return [];
        });

        CliResult result = _cli.Run("apdu", "00A40400", "00B00000");

        Assert.Equal(ExitCodes.CommunicationFailure, result.ExitCode);
        Assert.Equal($"scc: reader '{Reader}': the card was removed during the command", result.SingleErrorLine());
        Assert.Equal(["> 00A40400", "< 9000 (success)", "> 00B00000"], result.StdoutLines[1..]);
    }

    [Fact]
    public void No_response_from_a_card_still_there_is_exit_4()
    {
        // PcscCard watches the card for its removal check time (1.5 s) before it calls this a reader failure.
        _cli.AddCard(Reader, _ => []);

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.CommunicationFailure, result.ExitCode);
        Assert.Equal($"scc: reader '{Reader}': the reader returned no response", result.SingleErrorLine());
    }

    [Fact]
    public void A_garbled_answer_from_a_card_still_there_is_a_communication_failure()
    {
        _cli.AddCard(Reader, _ => [0x90]);

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.CommunicationFailure, result.ExitCode);
        Assert.Equal($"scc: reader '{Reader}': the reader returned 1 byte (90), not a response", result.SingleErrorLine());
    }

    [Fact]
    public void The_service_going_away_mid_command_is_exit_4()
    {
        _cli.AddCard(Reader, _ =>
        {
            _cli.Pcsc.StopService();
            throw FakeCard.Fails(PcscError.NoService);
        });

        CliResult result = _cli.Run("apdu", "00A40400");

        Assert.Equal(ExitCodes.CommunicationFailure, result.ExitCode);
        Assert.Contains("[SCARD_E_NO_SERVICE]", result.SingleErrorLine());
    }

    [Fact]
    public void Interrupted_between_apdus_exits_130_and_sends_no_more()
    {
        FakeCard card = _cli.AddCard(Reader);
        card.Handler = _ =>
        {
            _cli.Interrupt.Cancel();
            return [0x90, 0x00];
        };

        CliResult result = _cli.Run("apdu", "00A40400", "00B00000");

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Single(card.Sent);
        Assert.Equal("scc: interrupted", result.SingleErrorLine());
        Assert.Equal(1, card.EndedTransactionCount);
    }

    [Fact]
    public void An_unexpected_exception_is_an_internal_error_on_one_line()
    {
        _cli.AddCard(Reader, _ => throw new InvalidOperationException("the reader driver misbehaved"));

        CliResult quiet = _cli.Run("apdu", "00A40400");
        CliResult verbose = _cli.Run("apdu", "--verbose", "00A40400");

        Assert.Equal(ExitCodes.InternalError, quiet.ExitCode);
        Assert.Equal("scc: internal error: InvalidOperationException: the reader driver misbehaved (--verbose shows where)",
            Assert.Single(quiet.StderrLines));
        Assert.DoesNotContain("   at ", quiet.Stderr);
        Assert.Equal(ExitCodes.InternalError, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Stderr);
    }

    [Fact]
    public void Trace_writes_each_physical_exchange_to_stderr_with_time_and_duration()
    {
        _cli.AddCard(Reader, T0StyleCard);

        CliResult result = _cli.Run("apdu", "--trace", Select);

        Assert.Equal(0, result.ExitCode);
        string[] trace = result.StderrLines;
        Assert.Equal(4, trace.Length);
        Assert.Equal($"14:33:55.123 → 00 A4 04 00 07  A0 00 00 08 70 01 01  (case 3 short)  [{Reader}]", trace[0]);
        Assert.Matches(@"^14:33:55\.123 ← 6112 success, 18 response bytes wait for GET RESPONSE  \(\d+\.\d+ ms\)$", trace[1]);
        Assert.Equal($"14:33:55.123 → 00 C0 00 00  (case 2 short, Le=18)  [{Reader}]", trace[2]);
        Assert.Matches(@"^14:33:55\.123 ← 6F 10 84 08 .* 9000 success  \(\d+\.\d+ ms\)$", trace[3]);
        Assert.DoesNotContain("→", result.Stdout);
    }

    [Fact]
    public void Trace_shows_the_failed_exchange_before_the_error_line()
    {
        _cli.AddCard(Reader, _ => throw FakeCard.Fails(PcscError.RemovedCard));

        CliResult result = _cli.Run("apdu", "--trace", "00A40400");

        Assert.Equal(ExitCodes.CommunicationFailure, result.ExitCode);
        Assert.Contains(result.StderrLines, l => l.Contains("→ 00 A4 04 00"));
        Assert.Contains(result.StderrLines, l => l.Contains("✗ CardRemovedException"));
        Assert.StartsWith("scc: ", result.StderrLines[^1]);
    }

    [Fact]
    public void Without_trace_nothing_is_logged()
    {
        _cli.AddCard(Reader, T0StyleCard);

        CliResult result = _cli.Run("apdu", Select);

        Assert.Equal("", result.Stderr);
    }
}
