using System.Text.Json;
using System.Text.RegularExpressions;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc receive serving bob's card on loopback, and scc pay paying into it: both in this process.</summary>
public sealed partial class ReceiveCommandTests : TemporaryHomeTests
{
    public ReceiveCommandTests()
    {
        _cli.ConfigureCards = opener => RemoteCardOpener.Register(opener);
        _home.BankAliceAndBob();
    }

    [GeneratedRegex("\"address\":\"(tcp://[^\"]+)\"")]
    private static partial Regex AddressPattern();

    private static string AddressOf(BackgroundScc receive) =>
        AddressPattern().Match(receive.WaitForLine("\"event\":\"listening\"")).Groups[1].Value;

    [Fact]
    public void A_payment_over_loopback_is_received_printed_as_json_lines_and_once_ends_it()
    {
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--once", "--json");
        string address = AddressOf(receive);

        CliResult pay = _cli.Run("pay", "--from", "alice", "--to", address, "--amount", "12.50", "--currency", "EUR");

        Assert.True(pay.ExitCode == 0, pay.Stderr);
        Assert.StartsWith("Paid EUR 12.50 from alice to " + address + ".", pay.Stdout);
        Assert.Contains($"│ {address} now", pay.Stdout);   // no balance: a remote card does not show it
        Assert.Equal(0, receive.WaitForExit());
        string[] events = [.. receive.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("event").GetString()!)];
        Assert.Equal(["listening", "sessionOpened", "paymentStarted", "paymentReceived", "sessionClosed"], events);
        using JsonDocument closed = JsonDocument.Parse(receive.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal("received", closed.RootElement.GetProperty("result").GetString());
        Assert.Equal("12.50", closed.RootElement.GetProperty("balance").GetProperty("amount").GetString());
        Assert.Equal((8_750u, 1_250u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "bob")));
    }

    [Fact]
    public void A_refused_payment_is_printed_as_it_happens_and_once_exits_1()
    {
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--once", "--json");
        string address = AddressOf(receive);

        CliResult pay = _cli.Run("pay", "--from", "bank", "--to", address, "--amount", "600", "--currency", "EUR");

        Assert.Equal(1, pay.ExitCode);
        Assert.Contains("bob's transaction limit", receive.WaitForLine("\"event\":\"paymentRefused\""));
        Assert.Equal(1, receive.WaitForExit());
    }

    [Fact]
    public void Human_output_prints_one_line_per_event_and_ctrl_c_stops_it_with_exit_0()
    {
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0");
        string status = WaitForStderr(receive, "Receiving into bob (purse 5343430A00000003) at tcp://127.0.0.1:");
        string address = "tcp://" + status.Split(" at tcp://")[1].Split(';')[0];

        Assert.Equal(0, _cli.Run("pay", "--from", "alice", "--to", address, "--amount", "1", "--currency", "EUR").ExitCode);

        Assert.Contains("bob received EUR 1.00 from purse 5343430A00000002; balance EUR 1.00",
            receive.WaitForLine("session from 127.0.0.1:"));
        receive.Interrupt();
        Assert.Equal(0, receive.WaitForExit());
        Assert.Matches(@"^\d\d:\d\d:\d\d  127\.0\.0\.1:\d+ connected to pay into bob", receive.Stdout);
    }

    [Fact]
    public void Listening_beyond_loopback_is_warned_about_and_a_timeout_without_a_payment_exits_3_with_once()
    {
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "0.0.0.0:0", "--once", "--timeout", "300ms");

        Assert.Equal(3, receive.WaitForExit());
        Assert.Contains("scc: warning: listening on 0.0.0.0:0, not on loopback", receive.Stderr);
        Assert.Contains("scc: no payment came before the timeout", receive.Stderr);
    }

    [Theory]
    [InlineData("receive --card tcp://127.0.0.1:7000", "a remote card (tcp://) is served by its own")]
    [InlineData("receive --card bob --listen nowhere", "is not HOST:PORT")]
    [InlineData("receive --card bob --listen 127.0.0.1:99999", "is not a port")]
    [InlineData("receive --card bob --timeout soon", "is not a duration")]
    public void Impossible_options_are_usage_errors(string line, string message)
    {
        CliResult result = _cli.Run(line.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine());
    }

    [Fact]
    public void An_interrupted_remote_payment_is_recovered_through_the_listener()
    {
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--json");
        string address = AddressOf(receive);
        _cli.ConfigureCards = opener =>
        {
            RemoteCardOpener.Register(opener);
            opener.Register(SmartCardCash.CardAccess.CardAddressKind.Emulated,
                new PullingOpener(_home.Cards, "alice", PurseInstruction.Ack));
        };

        CliResult cut = _cli.Run("pay", "--from", "alice", "--to", address, "--amount", "2", "--currency", "EUR");
        Assert.Equal(0, cut.ExitCode);
        Assert.Contains($"Next: finish it with both cards present: scc recover --from emu:alice --to {address}", cut.Stdout);
        Assert.Contains($"if {address} is still busy with the interrupted connection, recover waits for it (the receiver lets go within 30 s)", cut.Stdout);

        _cli.ConfigureCards = opener => RemoteCardOpener.Register(opener);
        CliResult recovered = _cli.Run("recover", "--from", "emu:alice", "--to", address);
        Assert.Equal(0, recovered.ExitCode);
        Assert.Contains("RESUME on " + address + " gave its ack; ACK to alice finished the payment.", recovered.Stdout);
        Assert.Equal(TransferState.Idle, PaymentCards.State(_home, "alice"));
    }

    [Fact]
    public void A_payer_on_the_receivers_hotlist_is_refused_there_though_the_payers_own_scc_does_not_check_it()
    {
        string hotlist = System.IO.Path.Combine(_home.Path, "barred.txt");
        File.WriteAllText(hotlist, "# cloned, says the bank\n5343430A00000002\n");
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--once", "--hotlist", hotlist);
        string status = WaitForStderr(receive, "Receiving into bob");
        string address = "tcp://" + status.Split(" at tcp://")[1].Split(';')[0];

        // alice's own scc has no hotlist (a modified client would skip it anyway).
        CliResult pay = _cli.Run("pay", "--from", "alice", "--to", address, "--amount", "5", "--currency", "EUR");

        Assert.Equal(6, pay.ExitCode);
        string refusal = pay.SingleErrorLine();
        Assert.StartsWith($"scc: nothing was paid: {address} does not accept the counterparty's certificate", refusal);
        Assert.Contains("bars that purse", refusal);
        Assert.Equal(1, receive.WaitForExit());
        Assert.Matches($@"\d\d:\d\d:\d\d  refused VERIFY CERTIFICATE from 127\.0\.0\.1:\d+ \(6982\): purse 5343430A00000002 is on " +
            $@"the hotlist \({Regex.Escape(hotlist)}\): the bank has barred it", receive.Stdout);
        Assert.Equal((10_000u, 0u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "bob")));
        Assert.Equal(TransferState.Idle, PaymentCards.State(_home, "bob"));
    }

    [Fact]
    public void A_named_hotlist_must_exist()
    {
        CliResult result = _cli.Run("receive", "--card", "bob", "--listen", "127.0.0.1:0", "--hotlist", "/nonexistent/hotlist.txt");

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("the hotlist /nonexistent/hotlist.txt does not exist", result.SingleErrorLine());
    }

    [Fact]
    public void A_card_in_the_middle_of_paying_is_not_served_and_the_line_says_to_recover_it()
    {
        // alice pays bob and the payment is cut after REQ: alice is debited and in epa, expecting bob's ack.
        PaymentCards.StartAndStop(_home, "alice", "bob", 300, PurseInstruction.Val);

        CliResult result = _cli.Run("receive", "--card", "alice", "--listen", "127.0.0.1:0");

        Assert.Equal(5, result.ExitCode);
        string line = result.SingleErrorLine();
        Assert.Contains("alice holds an unfinished payment as the payer (epa, EUR 3.00 from 5343430A00000002 to 5343430A00000003", line);
        Assert.Contains("finish it first with 'scc recover --from emu:alice --to CARD (the card of purse 5343430A00000003)'", line);
        Assert.Contains("or give it up with 'scc recover --abandon --card emu:alice'", line);
        Assert.Equal(TransferState.ExpectingAck, PaymentCards.State(_home, "alice"));
    }

    [Fact]
    public void Recover_waits_while_a_stalled_connection_still_holds_the_remote_card()
    {
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--json");
        string address = AddressOf(receive);
        var endpoint = System.Net.IPEndPoint.Parse(address["tcp://".Length..]);
        // A payer whose connection stalled: it said hello and holds the card, and sends nothing more.
        using var stalled = new System.Net.Sockets.TcpClient();
        stalled.Connect(endpoint);
        stalled.GetStream().Write([.. "SCCR"u8, 1]);
        byte[] hello = new byte[8];
        stalled.GetStream().ReadExactly(hello);
        Assert.Equal((byte)RemoteHelloStatus.Ready, hello[5]);
        // The listener lets go when it notices (here: the connection closes once recover has said it found the card
        // busy, so recover has to wait for it; a silent one, after 30 s).
        string busy = $"scc: {address} is busy (perhaps still held by the interrupted connection); waiting up to 45 s for it";
        _cli.StderrLineWritten = line =>
        {
            if (line == busy)
            {
                stalled.Dispose();
            }
        };

        CliResult recovered = _cli.Run("recover", "--from", "emu:alice", "--to", address);

        Assert.True(recovered.ExitCode == 0, recovered.Stderr);
        Assert.Contains(busy, recovered.Stderr);
    }

    private static string WaitForStderr(BackgroundScc scc, string text)
    {
        DateTime giveUp = DateTime.UtcNow + BackgroundScc.Patience;
        while (DateTime.UtcNow < giveUp)
        {
            string? line = scc.Stderr.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            Thread.Sleep(10);
        }
        throw new TimeoutException($"no stderr line with '{text}': {scc.Stderr}");
    }
}
