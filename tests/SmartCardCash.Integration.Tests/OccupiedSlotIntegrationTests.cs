using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SmartCardCash.Emulator;
using SmartCardCash.Integration.Tests.Infrastructure;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Integration.Tests;

/// <summary>
/// `scc emulator attach` to a vpcd slot where another program's card already is: vsmartcard's own vicc, in the private
/// pcscd's slot 0. vpcd serves one connection per slot, so attach must say the slot is taken, not that the card is in.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class OccupiedSlotIntegrationTests(PcscdFixture fixture) : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-occupied-" + Guid.NewGuid().ToString("N"));

    private PrivatePcscd Pcscd => fixture.Required;

    private Dictionary<string, string> Environment => new() { ["SCC_HOME"] = _home };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp when a failed test kept a lock.
        }
    }

    [ViccFact]
    public void Attach_to_the_slot_vicc_holds_is_exit_3_saying_so_and_vicc_keeps_the_reader()
    {
        Assert.Equal(0, SccProcess.Run(Pcscd.SocketPath, Environment, "card", "new", "late", "--blank").ExitCode);
        using (ViccCard.Start(Pcscd.VpcdPort))
        {
            string viccAtr = WaitForCardIn(PcscdFixture.ReaderSlot0);
            string port = Pcscd.VpcdPort.ToString(CultureInfo.InvariantCulture);

            // The first attach sits, silent, in vpcd's queue; the second finds that queue full.
            SccResult first = SccProcess.Run(Pcscd.SocketPath, Environment, "emulator", "attach", "--slot", "0", "late", "--port-base", port);
            SccResult second = SccProcess.Run(Pcscd.SocketPath, Environment, "emulator", "attach", "--slot", "0", "late", "--port-base", port);

            foreach (SccResult result in new[] { first, second })
            {
                Assert.True(result.ExitCode == 3, result.ToString());
                Assert.Equal($"scc: vpcd's slot 0 (127.0.0.1:{port}) already holds another card, and vpcd serves one card per slot: " +
                    "take that card out, or choose another --slot", Assert.Single(result.Stderr));
                Assert.DoesNotContain(result.Stdout, line => line.Contains(" insert ", StringComparison.Ordinal));
            }
            Assert.NotEqual(Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1)), viccAtr);
            Assert.Equal(viccAtr, WaitForCardIn(PcscdFixture.ReaderSlot0));
        }
        // vicc gone: vpcd drops the attach connections left in its queue, and the reader is empty again.
        CardBench.WaitForCard(PcscdFixture.ReaderSlot0, present: false);
    }

    /// <summary>The ATR of the card pcscd shows in <paramref name="reader"/>, once there is one.</summary>
    private string WaitForCardIn(string reader)
    {
        var clock = Stopwatch.StartNew();
        SccResult? last = null;
        while (clock.Elapsed < CardBench.Patience)
        {
            last = SccProcess.Run(Pcscd.SocketPath, "readers", "--json");
            if (last.ExitCode == 0)
            {
                using JsonDocument json = JsonDocument.Parse(last.StdoutText);
                foreach (JsonElement entry in json.RootElement.EnumerateArray())
                {
                    if (entry.GetProperty("name").GetString() == reader && entry.GetProperty("state").GetString() == "present")
                    {
                        return entry.GetProperty("atr").GetString()!;
                    }
                }
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException($"scc readers never showed a card in '{reader}': {last}");
    }
}
