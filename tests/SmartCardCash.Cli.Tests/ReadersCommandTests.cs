using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Testing;

namespace SmartCardCash.Cli.Tests;

public sealed class ReadersCommandTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public void Table_shows_each_reader_with_card_state_protocol_and_atr()
    {
        _cli.AddCard("ACS ACR39U ICC Reader 00 00");
        _cli.AddEmptyReader("Virtual PCD 00 01");

        CliResult result = _cli.Run("readers");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string present = Assert.Single(result.StdoutLines, l => l.Contains("ACS ACR39U ICC Reader 00 00"));
        Assert.Contains("present", present);
        Assert.Contains("T=1", present);
        Assert.Contains(ReaderStates.AtrHex, present);
        string empty = Assert.Single(result.StdoutLines, l => l.Contains("Virtual PCD 00 01"));
        Assert.Contains("empty", empty);
        Assert.DoesNotContain("T=", empty);
        Assert.Contains("Reader", result.StdoutLines[1]);
        Assert.Contains("ATR", result.StdoutLines[1]);
    }

    [Fact]
    public void Json_is_an_array_with_stable_camel_case_properties()
    {
        _cli.AddCard("Reader A");
        _cli.AddEmptyReader("Reader B");

        CliResult result = _cli.Run("readers", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement[] readers = [.. json.RootElement.EnumerateArray()];
        Assert.Equal(2, readers.Length);
        Assert.Equal("Reader A", readers[0].GetProperty("name").GetString());
        Assert.Equal("present", readers[0].GetProperty("state").GetString());
        Assert.Equal(ReaderStates.AtrHex, readers[0].GetProperty("atr").GetString());
        Assert.Equal("T=1", readers[0].GetProperty("protocol").GetString());
        Assert.Equal("empty", readers[1].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, readers[1].GetProperty("atr").ValueKind);
        Assert.Equal(JsonValueKind.Null, readers[1].GetProperty("protocol").ValueKind);
    }

    [Fact]
    public void Protocol_comes_from_a_brief_shared_connection_that_is_closed_again()
    {
        FakeCard card = _cli.AddCard("Reader A", new FakeCard(ReaderStates.Atr) { Protocol = PcscProtocols.T0 });

        CliResult result = _cli.Run("readers", "--json");

        Assert.Contains("\"protocol\": \"T=0\"", result.Stdout);
        Assert.Equal(1, card.ConnectCount);
        Assert.Equal(1, card.DisconnectCount);
        Assert.Empty(card.Sent);
        Assert.Equal(0, _cli.Pcsc.OpenContexts);
    }

    [Fact]
    public void A_card_held_exclusively_by_another_program_shows_as_in_use()
    {
        FakeCard heldByFlags = _cli.AddCard("Held by flags",
            new FakeCard(ReaderStates.Atr) { State = PcscReaderStateFlags.Exclusive | PcscReaderStateFlags.InUse });
        _cli.AddCard("Held at connect", new FakeCard(ReaderStates.Atr) { ConnectError = PcscError.SharingViolation });

        CliResult json = _cli.Run("readers", "--json");
        CliResult table = _cli.Run("readers");

        Assert.Equal(0, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        Assert.All(document.RootElement.EnumerateArray(), r => Assert.Equal("inUse", r.GetProperty("state").GetString()));
        Assert.Equal(2, table.StdoutLines.Count(l => l.Contains("in use")));
        Assert.Equal(0, heldByFlags.ConnectCount);
    }

    [Fact]
    public void A_mute_card_is_reported_without_connecting()
    {
        FakeCard mute = _cli.AddCard("Reader M", new FakeCard([]) { State = PcscReaderStateFlags.Mute });

        CliResult result = _cli.Run("readers", "--json");

        Assert.Contains("\"state\": \"mute\"", result.Stdout);
        Assert.Equal(0, mute.ConnectCount);
    }

    [Fact]
    public void A_card_that_refuses_the_connection_is_still_listed_as_present()
    {
        _cli.AddCard("Reader A", new FakeCard(ReaderStates.Atr) { ConnectError = PcscError.ProtocolMismatch });

        CliResult result = _cli.Run("readers", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"state\": \"present\"", result.Stdout);
        Assert.Contains("\"protocol\": null", result.Stdout);
        Assert.Contains(ReaderStates.AtrHex, result.Stdout);
    }

    [Fact]
    public void No_reader_gives_an_empty_table_with_a_note_and_exit_0()
    {
        CliResult table = _cli.Run("readers");
        CliResult json = _cli.Run("readers", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Reader", table.Stdout);
        Assert.Contains("No smart card reader found", table.Stdout);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal("[]", json.Stdout.Trim());
    }

    [Theory]
    [InlineData("SCC_IGNORE_READERS")]
    [InlineData("PCSCLITE_FILTER_IGNORE_READER_NAMES")]
    public void Readers_named_in_the_ignore_variables_are_left_out(string variable)
    {
        _cli.AddCard("Yubico YubiKey OTP+FIDO+CCID 00 00");
        _cli.AddEmptyReader("Virtual PCD 00 00");
        _cli.AddEmptyReader("Virtual PCD 00 01");
        _cli.Environment[variable] = "yubikey:nothing-like-this";

        CliResult json = _cli.Run("readers", "--json");
        CliResult table = _cli.Run("readers");

        Assert.DoesNotContain("Yubico", json.Stdout);
        Assert.Contains("Virtual PCD 00 01", json.Stdout);
        Assert.DoesNotContain("Yubico", table.Stdout);
        Assert.Contains($"1 ignored by {variable}", table.Stdout);
    }

    [Fact]
    public void Pcscd_not_running_is_one_line_and_exit_3()
    {
        _cli.Pcsc.StopService();

        CliResult result = _cli.Run("readers");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("scc: the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]", result.SingleErrorLine());
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_after_the_error_line()
    {
        _cli.Pcsc.StopService();

        CliResult result = _cli.Run("readers", "--verbose");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.StartsWith("scc: the PC/SC service is not running", result.StderrLines[0]);
        Assert.Contains("CardServiceUnavailableException", result.Stderr);
        Assert.Contains("   at ", result.Stderr);
    }

    [Fact]
    public void Interrupted_while_listing_exits_130()
    {
        _cli.AddCard("Reader A");
        _cli.Interrupt.Cancel();

        CliResult result = _cli.Run("readers");

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Equal("scc: interrupted", result.SingleErrorLine());
    }
}
