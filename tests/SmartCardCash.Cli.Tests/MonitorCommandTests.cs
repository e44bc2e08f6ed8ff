using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// scc monitor over the real PcscMonitor, on the simulated PC/SC service: the test changes readers, cards and the
/// service, and waits for each line before the next change, so the order on stdout is the order things happened.
/// </summary>
public sealed class MonitorCommandTests
{
    private const string Reader = "Virtual PCD 00 00";

    private readonly CliHarness _cli = new();

    /// <summary>
    /// A reader there at start, a card in and out, pcscd stopped and started, and a PC/SC failure the monitor rides
    /// out: every kind of event once. Ends with Ctrl+C.
    /// </summary>
    private (int ExitCode, string[] Stdout, string Stderr) RunThroughEveryKind(bool json)
    {
        _cli.AddEmptyReader(Reader);
        using var scc = json ? new BackgroundScc(_cli, "monitor", "--json") : new BackgroundScc(_cli, "monitor");
        void WaitFor(string line, string jsonLine) => scc.WaitForLine(json ? jsonLine : line);

        WaitFor("(present at start)", "monitorStarted");
        _cli.Pcsc.InsertCard(Reader, ReaderStates.Atr);
        WaitFor("card inserted", "cardInserted");
        _cli.Pcsc.RemoveCard(Reader);
        WaitFor("card removed", "cardRemoved");
        _cli.Pcsc.StopService();
        WaitFor("reader detached", "readerDetached");
        _cli.Pcsc.StartService();
        WaitFor("(after the service came back)", "serviceRestored");
        _cli.Pcsc.FailNextWait(PcscError.InternalError);
        WaitFor("  error  ", "\"error\"");
        scc.Interrupt();
        int exitCode = scc.WaitForExit();
        return (exitCode, scc.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), scc.Stderr);
    }

    [Fact]
    public void Prints_every_kind_of_event_with_a_timestamp_until_interrupted_then_exits_0()
    {
        (int exitCode, string[] stdout, string stderr) = RunThroughEveryKind(json: false);

        Assert.Equal(0, exitCode);
        Assert.Equal(
        [
            "2025-11-25 14:33:55.123  reader attached  Virtual PCD 00 00  (present at start)",
            $"2025-11-25 14:33:55.123  card inserted    Virtual PCD 00 00  ATR {ReaderStates.AtrHex}",
            "2025-11-25 14:33:55.123  card removed     Virtual PCD 00 00",
            "2025-11-25 14:33:55.123  service lost     the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]",
            "2025-11-25 14:33:55.123  reader detached  Virtual PCD 00 00  (service lost)",
            "2025-11-25 14:33:55.123  service back",
            "2025-11-25 14:33:55.123  reader attached  Virtual PCD 00 00  (after the service came back)",
            "2025-11-25 14:33:55.123  error            the PC/SC service failed an internal consistency check [SCARD_F_INTERNAL_ERROR]",
        ], stdout);
        Assert.Equal("Watching smart card readers; press Ctrl+C to stop.\n", stderr);
        // Stopped and disposed: its context released, no wait left behind.
        Assert.Equal(0, _cli.Pcsc.OpenContexts);
        Assert.Equal(0, _cli.Pcsc.BlockedWaits);
    }

    [Fact]
    public void Json_writes_one_line_per_event_each_with_the_same_properties()
    {
        (int exitCode, string[] stdout, string stderr) = RunThroughEveryKind(json: true);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var events = stdout.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            ["readerAttached", "cardInserted", "cardRemoved", "serviceLost", "readerDetached", "serviceBack", "readerAttached", "error"],
            events.Select(e => e.GetProperty("event").GetString()));
        Assert.All(events, e => Assert.Equal(
            ["time", "event", "reader", "atr", "cause", "message"], e.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("2025-11-25T14:33:55.123+00:00", events[0].GetProperty("time").GetString());
        Assert.Equal("monitorStarted", events[0].GetProperty("cause").GetString());
        Assert.Equal(ReaderStates.AtrHex, events[1].GetProperty("atr").GetString());
        Assert.Equal(Reader, events[1].GetProperty("reader").GetString());
        Assert.Equal("observed", events[1].GetProperty("cause").GetString());
        Assert.Contains("SCARD_E_NO_SERVICE", events[3].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, events[3].GetProperty("reader").ValueKind);
        Assert.Equal("serviceLost", events[4].GetProperty("cause").GetString());
        Assert.Equal("serviceRestored", events[6].GetProperty("cause").GetString());
    }

    [Fact]
    public void Events_of_ignored_readers_are_left_out()
    {
        _cli.Environment["SCC_IGNORE_READERS"] = "yubikey";
        _cli.AddEmptyReader("Yubico YubiKey CCID 00 00");
        _cli.AddEmptyReader(Reader);
        using var scc = new BackgroundScc(_cli, "monitor", "--json");

        // The monitor reports readers in the order PC/SC lists them: the YubiKey's line would come first.
        scc.WaitForLine(Reader);
        scc.Interrupt();
        scc.WaitForExit();

        string line = Assert.Single(scc.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Reader, line);
    }

    [Fact]
    public void Events_raised_from_another_thread_are_written_in_order()
    {
        using var scc = new BackgroundScc(_cli, "monitor", "--json");
        Assert.True(SpinWait.SpinUntil(() => _cli.Pcsc.BlockedWaits == 1, BackgroundScc.Patience),
            "the monitor never waited for a change");
        var plugger = new Thread(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                _cli.Pcsc.AddReader($"Reader {i}");
            }
        });
        plugger.Start();

        scc.WaitForLine("Reader 49");
        plugger.Join();
        scc.Interrupt();

        Assert.Equal(0, scc.WaitForExit());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"Reader {i}"),
            scc.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reader").GetString()));
    }
}
