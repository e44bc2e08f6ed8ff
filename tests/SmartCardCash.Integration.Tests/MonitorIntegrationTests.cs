using System.Text.Json;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Integration.Tests;

/// <summary>The reader monitor against the real pcscd: cards coming and going, and pcscd itself stopping and starting.</summary>
[Collection(PcscdCollection.Name)]
public sealed class MonitorIntegrationTests(PcscdFixture fixture)
{
    private PrivatePcscd Pcscd => fixture.Required;

    private static Func<string, bool> Event(string kind, string? reader = null) => line =>
    {
        using JsonDocument json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("event").GetString() == kind &&
               (reader is null || json.RootElement.GetProperty("reader").GetString() == reader);
    };

    [PcscdFact]
    public void PcscMonitor_sees_a_card_appear_and_disappear()
    {
        var inserted = new TaskCompletionSource<PcscCardEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new TaskCompletionSource<PcscCardEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var attached = new List<string>();
        using var monitor = new PcscMonitor();
        monitor.ReaderAttached += (_, e) =>
        {
            lock (attached)
            {
                attached.Add(e.ReaderName);
            }
        };
        monitor.CardInserted += (_, e) => inserted.TrySetResult(e);
        monitor.CardRemoved += (_, e) => removed.TrySetResult(e);
        monitor.Start();
        PrivatePcscd.WaitUntil(() => { lock (attached) { return attached.Count == 2; } }, CardBench.Patience,
            "the monitor did not report both readers");

        var card = new VpcdTestCard(Pcscd.VpcdPort + 1, TestApplet.Answer);
        card.Insert();
        Assert.True(inserted.Task.Wait(CardBench.Patience), "no CardInserted event");
        card.Remove();
        Assert.True(removed.Task.Wait(CardBench.Patience), "no CardRemoved event");

        Assert.Equal(PcscdFixture.ReaderSlot1, inserted.Task.Result.ReaderName);
        Assert.Equal(VpcdTestCard.DefaultAtr, inserted.Task.Result.Atr.ToArray());
        Assert.Equal(PcscMonitorEventCause.Observed, inserted.Task.Result.Cause);
        Assert.Equal(PcscdFixture.ReaderSlot1, removed.Task.Result.ReaderName);
        Assert.Equal([PcscdFixture.ReaderSlot0, PcscdFixture.ReaderSlot1], attached.Order());
        CardBench.WaitForCard(PcscdFixture.ReaderSlot1, present: false);
    }

    [PcscdFact]
    public void Scc_monitor_json_reports_a_card_coming_and_going_and_exits_0_when_interrupted()
    {
        using var scc = SccProcess.Start(Pcscd.SocketPath, "monitor", "--json");
        scc.WaitForLine(Event("readerAttached", PcscdFixture.ReaderSlot1), CardBench.Patience, "slot 1 attached");

        var card = new VpcdTestCard(Pcscd.VpcdPort, TestApplet.Answer);
        card.Insert();
        string inserted = scc.WaitForLine(Event("cardInserted", PcscdFixture.ReaderSlot0), CardBench.Patience, "the card inserted");
        card.Remove();
        scc.WaitForLine(Event("cardRemoved", PcscdFixture.ReaderSlot0), CardBench.Patience, "the card removed");
        scc.Interrupt();
        SccResult result = scc.WaitForExit(CardBench.Patience);

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(inserted);
        Assert.Equal(Hex.Encode(VpcdTestCard.DefaultAtr), json.RootElement.GetProperty("atr").GetString());
        Assert.Equal("observed", json.RootElement.GetProperty("cause").GetString());
        Assert.Empty(result.Stderr);
        CardBench.WaitForCard(PcscdFixture.ReaderSlot0, present: false);
    }

    [PcscdFact]
    public void Scc_monitor_survives_pcscd_stopping_and_starting()
    {
        using var scc = SccProcess.Start(Pcscd.SocketPath, "monitor", "--json");
        scc.WaitForLine(Event("readerAttached", PcscdFixture.ReaderSlot1), CardBench.Patience, "slot 1 attached");
        VpcdTestCard? card = null;
        try
        {
            Pcscd.Stop();
            scc.WaitForLine(Event("serviceLost"), CardBench.Patience, "service lost");
            scc.WaitForLine(Event("readerDetached", PcscdFixture.ReaderSlot1), CardBench.Patience, "slot 1 detached");
            Pcscd.Start();
            scc.WaitForLine(Event("serviceBack"), CardBench.Patience, "service back");
            string attached = scc.WaitForLine(Event("readerAttached", PcscdFixture.ReaderSlot0), CardBench.Patience,
                "slot 0 attached again");
            scc.WaitForLine(Event("readerAttached", PcscdFixture.ReaderSlot1), CardBench.Patience, "slot 1 attached again");

            card = new VpcdTestCard(Pcscd.VpcdPort, TestApplet.Answer);
            card.Insert();
            string inserted = scc.WaitForLine(Event("cardInserted", PcscdFixture.ReaderSlot0), CardBench.Patience,
                "a card inserted after the restart");

            using JsonDocument attachedJson = JsonDocument.Parse(attached);
            Assert.Equal("serviceRestored", attachedJson.RootElement.GetProperty("cause").GetString());
            using JsonDocument insertedJson = JsonDocument.Parse(inserted);
            Assert.Equal(Hex.Encode(VpcdTestCard.DefaultAtr), insertedJson.RootElement.GetProperty("atr").GetString());
            scc.Interrupt();
            Assert.Equal(0, scc.WaitForExit(CardBench.Patience).ExitCode);
        }
        finally
        {
            Pcscd.Start();
            if (card is not null)
            {
                CardBench.Remove(card, slot: 0);
            }
        }
    }
}
