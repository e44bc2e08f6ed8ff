using System.Text.Json;
using Moq;
using SmartCardCash.Cli.Pcsc;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Errors;
using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Tests;

public sealed class MonitorCommandTests
{
    private const string Reader = "Virtual PCD 00 00";

    private readonly CliHarness _cli = new();

    /// <summary>Raises <paramref name="raise"/> when the monitor starts, then interrupts the command, as Ctrl+C would.</summary>
    private void OnStart(Action<Mock<IReaderMonitor>> raise) =>
        _cli.Monitor.Setup(m => m.Start()).Callback(() =>
        {
            raise(_cli.Monitor);
            _cli.Interrupt.Cancel();
        });

    private static void RaiseEveryKind(Mock<IReaderMonitor> monitor)
    {
        monitor.Raise(m => m.ReaderAttached += null, new PcscReaderEventArgs(Reader, PcscMonitorEventCause.MonitorStarted));
        monitor.Raise(m => m.CardInserted += null,
            new PcscCardEventArgs(Reader, ReaderStates.Atr, PcscReaderStateFlags.Present, PcscMonitorEventCause.Observed));
        monitor.Raise(m => m.CardRemoved += null,
            new PcscCardEventArgs(Reader, ReaderStates.Atr, PcscReaderStateFlags.Empty, PcscMonitorEventCause.Observed));
        monitor.Raise(m => m.ServiceUnavailable += null, new PcscServiceEventArgs(PcscErrors.CreateException(PcscError.NoService)));
        monitor.Raise(m => m.ReaderDetached += null, new PcscReaderEventArgs(Reader, PcscMonitorEventCause.ServiceLost));
        monitor.Raise(m => m.ServiceAvailable += null, new PcscServiceEventArgs(null));
        monitor.Raise(m => m.ReaderAttached += null, new PcscReaderEventArgs(Reader, PcscMonitorEventCause.ServiceRestored));
        monitor.Raise(m => m.MonitorError += null,
            new PcscMonitorErrorEventArgs(new InvalidOperationException("a handler failed"), isHandlerFailure: true));
    }

    [Fact]
    public void Prints_every_kind_of_event_with_a_timestamp_until_interrupted_then_exits_0()
    {
        OnStart(RaiseEveryKind);

        CliResult result = _cli.Run("monitor");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
        [
            "2025-11-25 14:33:55.123  reader attached  Virtual PCD 00 00  (present at start)",
            $"2025-11-25 14:33:55.123  card inserted    Virtual PCD 00 00  ATR {ReaderStates.AtrHex}",
            "2025-11-25 14:33:55.123  card removed     Virtual PCD 00 00",
            "2025-11-25 14:33:55.123  service lost     the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]",
            "2025-11-25 14:33:55.123  reader detached  Virtual PCD 00 00  (service lost)",
            "2025-11-25 14:33:55.123  service back",
            "2025-11-25 14:33:55.123  reader attached  Virtual PCD 00 00  (after the service came back)",
            "2025-11-25 14:33:55.123  error            a handler failed",
        ], result.StdoutLines);
        Assert.Equal("Watching smart card readers; press Ctrl+C to stop.", Assert.Single(result.StderrLines));
        _cli.Monitor.Verify(m => m.Stop(), Times.Once);
        _cli.Monitor.Verify(m => m.Dispose(), Times.Once);
    }

    [Fact]
    public void Json_writes_one_line_per_event_each_with_the_same_properties()
    {
        OnStart(RaiseEveryKind);

        CliResult result = _cli.Run("monitor", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var events = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
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
        OnStart(monitor =>
        {
            monitor.Raise(m => m.ReaderAttached += null,
                new PcscReaderEventArgs("Yubico YubiKey CCID 00 00", PcscMonitorEventCause.MonitorStarted));
            monitor.Raise(m => m.ReaderAttached += null, new PcscReaderEventArgs(Reader, PcscMonitorEventCause.MonitorStarted));
        });

        CliResult result = _cli.Run("monitor", "--json");

        string line = Assert.Single(result.StdoutLines);
        Assert.Contains(Reader, line);
    }

    [Fact]
    public void Events_raised_from_another_thread_are_written_in_order()
    {
        _cli.Monitor.Setup(m => m.Start()).Callback(() => new Thread(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                _cli.Monitor.Raise(m => m.ReaderAttached += null,
                    new PcscReaderEventArgs($"Reader {i}", PcscMonitorEventCause.Observed));
            }
            _cli.Interrupt.Cancel();
        }).Start());

        CliResult result = _cli.Run("monitor", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"Reader {i}"),
            result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reader").GetString()));
    }
}
