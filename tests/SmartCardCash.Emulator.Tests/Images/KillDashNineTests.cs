using System.Diagnostics;
using System.Globalization;
using SmartCardCash.Emulator.Images;
using Xunit.Abstractions;

namespace SmartCardCash.Emulator.Tests.Images;

/// <summary>
/// Kills (SIGKILL) a child process that hammers a card image with transactions and emulated power losses, many times,
/// and checks after each kill that the image loads, recovers, keeps A = B and lost no acknowledged increment.
/// </summary>
/// <remarks>
/// The loop runs for SCC_TEARING_BUDGET seconds (default 3) and at least 3 iterations; raise the budget for a soak,
/// e.g. SCC_TEARING_BUDGET=300. The budget bounds the work only: nothing is asserted about time.
/// </remarks>
public sealed class KillDashNineTests(ITestOutputHelper output)
{
    private const string CardName = "hammer";
    private static readonly TimeSpan ChildSilenceLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public void Killing_the_emulator_at_any_moment_leaves_a_consistent_image()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        var log = new ProbeLog();
        using (StoredCard created = store.Create(CardName, CardProfile.FromSeed(InterfaceProfile.ContactT1, 9)))
        {
            created.Card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(log), CounterApplet.RegionSize);
        }

        TimeSpan budget = Budget();
        var clock = Stopwatch.StartNew();
        var pick = new Random(2024);
        uint lastSeen = 0;
        int iterations = 0, tears = 0;
        long acknowledged = 0;
        while (iterations < 3 || clock.Elapsed < budget)
        {
            iterations++;
            ulong tearSeed = iterations % 4 == 0 ? 0 : (ulong)iterations; // every fourth child runs without power losses
            int linesBeforeKill = pick.Next(1, 60);
            (uint maxAcknowledged, int seenLines, int seenTears) = RunAndKill(temp.Cards, tearSeed, linesBeforeKill);
            tears += seenTears;
            acknowledged += seenLines - seenTears;

            using StoredCard reopened = store.Open(CardName, TestCards.Catalog(log)); // loads, checksum valid, lock free
            reopened.Card.PowerOn();
            Assert.True(reopened.Card.SelectCounter().IsSuccess);
            (uint a, uint b) = reopened.Card.ReadCounters();
            Assert.True(a == b, $"iteration {iterations}: A = {a} and B = {b} differ");
            Assert.True(a >= maxAcknowledged, $"iteration {iterations}: increment {maxAcknowledged} was acknowledged but the image holds {a}");
            Assert.True(a >= lastSeen, $"iteration {iterations}: the counter went back from {lastSeen} to {a}");
            byte[] state = reopened.Card.Send("8020000000").Data.ToArray();
            for (int slot = 0; slot < 4 && a > 0; slot++)
            {
                uint recorded = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(state.AsSpan(8 + 8 * slot));
                Assert.True(recorded == a, $"iteration {iterations}: history slot {slot} holds {recorded}, written with A = {a}");
            }
            lastSeen = a;
        }
        output.WriteLine($"{iterations} kills in {clock.Elapsed.TotalSeconds:F1} s; {acknowledged} acknowledged increments, {tears} emulated power losses; final counter {lastSeen}");
        Assert.True(lastSeen > 0, "the children made progress");
    }

    private static TimeSpan Budget()
    {
        string? text = Environment.GetEnvironmentVariable("SCC_TEARING_BUDGET");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(3);
    }

    /// <summary>Starts a hammering child, reads its output until <paramref name="lines"/> lines, then kills it.</summary>
    private static (uint MaxAcknowledged, int Lines, int Tears) RunAndKill(string directory, ulong tearSeed, int lines)
    {
        string assembly = typeof(HammerChild).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { assembly, HammerChild.Verb, directory, CardName, tearSeed.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using Process child = Process.Start(start) ?? throw new InvalidOperationException("the hammer child did not start");
        Task<string> errors = child.StandardError.ReadToEndAsync();
        uint maxAcknowledged = 0;
        int seen = 0, tears = 0;
        try
        {
            while (seen < lines)
            {
                Task<string?> next = child.StandardOutput.ReadLineAsync();
                if (!next.Wait(ChildSilenceLimit))
                {
                    throw new TimeoutException($"the hammer child said nothing for {ChildSilenceLimit.TotalSeconds} s");
                }
                string? line = next.Result;
                if (line is null)
                {
                    child.WaitForExit();
                    throw new InvalidOperationException($"the hammer child exited with code {child.ExitCode}: {errors.Result}");
                }
                if (line.StartsWith("ok ", StringComparison.Ordinal))
                {
                    maxAcknowledged = Math.Max(maxAcknowledged, uint.Parse(line.AsSpan(3), CultureInfo.InvariantCulture));
                    seen++;
                }
                else if (line == "tear")
                {
                    tears++;
                    seen++;
                }
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        return (maxAcknowledged, seen, tears);
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        return "dotnet";
    }
}
