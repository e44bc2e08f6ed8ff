using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SmartCardCash.Integration.Tests.PaymentSupport;

/// <summary>
/// A temporary SCC_HOME for scc child processes on the private pcscd: runs scc there, parses its JSON, starts
/// <c>scc emulator attach</c> on the private vpcd ports and waits for what <c>scc readers</c> shows.
/// </summary>
internal sealed class SccHome(PrivatePcscd pcscd) : IDisposable
{
    public static readonly TimeSpan Patience = CardBench.Patience;

    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-pay-home-" + Guid.NewGuid().ToString("N"));

    /// <summary>scc on the private pcscd, in this home.</summary>
    private Dictionary<string, string> Environment => new(SccProcess.OnPcscd(pcscd.SocketPath)) { ["SCC_HOME"] = _home };

    /// <summary>Runs scc to the end, whatever its exit code.</summary>
    public SccResult Run(params string[] args) => SccProcess.Run(Environment, args);

    /// <summary>Runs scc; asserts exit 0.</summary>
    public SccResult Ok(params string[] args)
    {
        SccResult result = Run(args);
        Assert.True(result.ExitCode == 0, $"scc {string.Join(' ', args)}: {result}");
        return result;
    }

    /// <summary>Runs scc with --json; asserts the exit code and returns the document.</summary>
    public JsonElement Json(int exitCode, params string[] args)
    {
        SccResult result = Run([.. args, "--json"]);
        Assert.True(result.ExitCode == exitCode, $"scc {string.Join(' ', args)}: expected exit {exitCode}; {result}");
        return JsonDocument.Parse(result.StdoutText).RootElement.Clone();
    }

    /// <summary>The EUR balance in minor units, from <c>scc balance --json</c>.</summary>
    public long Balance(string card) =>
        Json(0, "balance", "--card", card).GetProperty("balances").EnumerateArray()
            .Single(b => b.GetProperty("currency").GetString() == "EUR").GetProperty("minorUnits").GetInt64();

    /// <summary>
    /// An issuer, a bank purse with EUR 1000.00 minted, and <paramref name="cards"/> (customer or merchant purses)
    /// made with scc; alice gets EUR 100.00 from the bank.
    /// </summary>
    public void Prepare(params (string Name, string Class)[] cards)
    {
        Ok("issuer", "init");
        Ok("card", "new", "bank", "--class", "bank", "--currency", "EUR", "--lock-code", "1234");
        Ok("mint", "--card", "bank", "--amount", "1000", "--currency", "EUR");
        foreach ((string name, string purseClass) in cards)
        {
            Ok("card", "new", name, "--class", purseClass, "--currency", "EUR", "--lock-code", "1234");
        }
        Ok("pay", "--from", "bank", "--to", "alice", "--amount", "100", "--currency", "EUR", "--code", "1234");
    }

    /// <summary><c>scc emulator attach --json</c> on the private vpcd ports; waits for one insert event per slot.</summary>
    public SccProcess Attach(int slots, params string[] args)
    {
        SccProcess attach = SccProcess.Start(Environment,
            ["emulator", "attach", "--json", .. args, "--port-base", pcscd.VpcdPort.ToString(CultureInfo.InvariantCulture)]);
        for (int i = 0; i < slots; i++)
        {
            attach.WaitForLine(l => Event(l) == "insert", Patience, $"insert event {i + 1} of {slots}");
        }
        return attach;
    }

    /// <summary>SIGTERM: the attach ends with exit 0 after taking its cards out and saving them.</summary>
    public static SccResult Stop(SccProcess attach)
    {
        attach.Terminate();
        SccResult stopped = attach.WaitForExit(Patience);
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        return stopped;
    }

    public static string? Event(string line)
    {
        using JsonDocument json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("event").GetString();
    }

    /// <summary><c>scc readers --json</c> until pcscd's presence poll shows both readers in <paramref name="state"/>.</summary>
    public JsonElement WaitForReaders(string state) =>
        WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == state && State(r, PcscdFixture.ReaderSlot1) == state,
            $"both readers {state}");

    /// <summary><c>scc readers --json</c> in a second process, until pcscd's presence poll shows what is expected.</summary>
    public JsonElement WaitForReaders(Func<JsonElement, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        SccResult? last = null;
        while (clock.Elapsed < Patience)
        {
            last = SccProcess.Run(pcscd.SocketPath, "readers", "--json");
            if (last.ExitCode == 0)
            {
                JsonElement readers = JsonDocument.Parse(last.StdoutText).RootElement.Clone();
                if (condition(readers))
                {
                    return readers;
                }
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException($"scc readers never showed {what}: {last}");
    }

    public static JsonElement Reader(JsonElement readers, string name) =>
        readers.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    /// <summary>The state <c>scc readers --json</c> gives reader <paramref name="name"/>: empty, present, inUse…</summary>
    public static string? State(JsonElement readers, string name) => Reader(readers, name).GetProperty("state").GetString();

    public void Dispose()
    {
        try
        {
            // The next test expects empty readers (a failed test's attach was killed, which takes the cards out too).
            WaitForReaders("empty");
        }
        catch (TimeoutException)
        {
            // Reported by the next test that needs empty readers.
        }
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp when a failed test kept a lock.
        }
    }
}
