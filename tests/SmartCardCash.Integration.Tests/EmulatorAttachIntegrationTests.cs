using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SmartCardCash.Emulator;
using SmartCardCash.Integration.Tests.Infrastructure;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Integration.Tests;

/// <summary>
/// `scc emulator attach` as a child process puts purse images from a temporary SCC_HOME into the private pcscd's vpcd
/// readers; other scc processes then reach them through PC/SC like any card.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class EmulatorAttachIntegrationTests(PcscdFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = CardBench.Patience;

    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-attach-" + Guid.NewGuid().ToString("N"));

    private PrivatePcscd Pcscd => fixture.Required;

    private Dictionary<string, string> Environment => new() { ["SCC_HOME"] = _home };

    private string PortBase => Pcscd.VpcdPort.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        // The next test expects empty readers: wait for pcscd's presence poll to see this test's cards gone (a failed
        // test's attach process was killed by its Dispose, which takes the cards out too).
        try
        {
            WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == "empty" && State(r, PcscdFixture.ReaderSlot1) == "empty",
                "both readers empty after the test");
        }
        catch (TimeoutException)
        {
            // Reported by the next test that needs empty readers, if any.
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

    [PcscdFact]
    public void Attached_purses_are_cards_in_pcscd_readers_until_sigterm_takes_them_out()
    {
        Scc("issuer", "init");
        string alice = PurseIdOf(Scc("card", "new", "alice", "--class", "customer", "--currency", "EUR", "--lock-code", "1234", "--json"));
        string bob = PurseIdOf(Scc("card", "new", "bob", "--class", "merchant", "--currency", "EUR", "--lock-code", "1234", "--json"));

        using SccProcess attach = SccProcess.Start(Pcscd.SocketPath, Environment,
            "emulator", "attach", "--json", "--slot", "0", "alice", "--slot", "1", "bob", "--contactless", "1", "--port-base", PortBase);
        WaitForEvents(attach, "insert", 2);
        JsonElement readers = WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == "present" && State(r, PcscdFixture.ReaderSlot1) == "present",
            "both cards in pcscd's readers");

        Assert.Equal(Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1)), Reader(readers, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString());
        string contactlessAtr = Reader(readers, PcscdFixture.ReaderSlot1).GetProperty("atr").GetString()!;
        Assert.Equal(Hex.Encode(AnswerToReset.For(InterfaceProfile.Contactless)), contactlessAtr);
        Assert.StartsWith("3B8E8001", contactlessAtr);

        SccResult info = Scc("info", "--json", "--card", $"pcsc:{PcscdFixture.ReaderSlot0}");
        using (JsonDocument json = JsonDocument.Parse(info.StdoutText))
        {
            Assert.Equal(alice, json.RootElement.GetProperty("purseId").GetString());
            Assert.Equal(PcscdFixture.ReaderSlot0, json.RootElement.GetProperty("card").GetString());
        }
        SccResult uid = Scc("apdu", "--reader", PcscdFixture.ReaderSlot1, "FFCA000000");
        Assert.EndsWith(" 9000 (success)", uid.Stdout[^1]);
        // While attached the image is locked: the card is reached through its reader, not as emu:alice.
        SccResult locked = SccProcess.Run(Pcscd.SocketPath, Environment, "info", "--card", "emu:alice");
        Assert.True(locked.ExitCode == 7, locked.ToString());

        attach.Terminate();
        SccResult stopped = attach.WaitForExit(Patience);

        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Equal(2, stopped.Stdout.Count(l => Event(l) == "detach"));
        WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == "empty" && State(r, PcscdFixture.ReaderSlot1) == "empty",
            "both cards gone from pcscd's readers");
        // The images were saved and unlocked: each opens as an emulated card again, the same purse.
        Assert.Equal(alice, PurseIdOf(Scc("info", "--json", "--card", "emu:alice")));
        Assert.Equal(bob, PurseIdOf(Scc("info", "--json", "--card", "emu:bob")));
    }

    [PcscdFact]
    public void Conformance_passes_through_the_real_pc_sc_stack_on_a_fresh_blank_purse()
    {
        Scc("card", "new", "blank", "--blank");
        using SccProcess attach = SccProcess.Start(Pcscd.SocketPath, Environment,
            "emulator", "attach", "--json", "--slot", "1", "blank", "--port-base", PortBase);
        WaitForEvents(attach, "insert", 1);
        WaitForReaders(r => State(r, PcscdFixture.ReaderSlot1) == "present", "the blank card in pcscd's reader");

        SccResult result = SccProcess.Run(Pcscd.SocketPath, Environment,
            "conformance", "--card", $"pcsc:{PcscdFixture.ReaderSlot1}", "--script", "merchant", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        JsonElement root = json.RootElement;
        Assert.Equal($"{PcscdFixture.ReaderSlot1} (pcsc:{PcscdFixture.ReaderSlot1})", root.GetProperty("card").GetString());
        Assert.Equal("contact", root.GetProperty("interface").GetString());
        Assert.True(root.GetProperty("total").GetInt32() > 100, root.GetProperty("total").ToString());
        Assert.Equal(root.GetProperty("total").GetInt32(), root.GetProperty("passed").GetInt32());
        Stop(attach);
    }

    [PcscdFact]
    public void A_tear_before_a_command_is_a_removal_for_the_host_and_the_card_comes_back()
    {
        Scc("card", "new", "torn", "--blank");
        // Command 1 is the SELECT, command 2 is torn before it reaches the card. The card stays out for 2 s, so
        // pcscd's presence poll (every 400 ms) surely sees it gone, even on a loaded machine.
        using SccProcess attach = SccProcess.Start(Pcscd.SocketPath, Environment,
            "emulator", "attach", "--json", "--slot", "0", "torn", "--tear", "0:before:2", "--reinsert-after", "2s", "--port-base", PortBase);
        WaitForEvents(attach, "insert", 1);
        WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == "present", "the card in pcscd's reader");

        SccResult apdu = SccProcess.Run(Pcscd.SocketPath, "apdu", "--reader", PcscdFixture.ReaderSlot0,
            "00A404000AF053434350555253450100", "80CA000100");

        Assert.True(apdu.ExitCode == 4, apdu.ToString());
        Assert.Equal($"scc: reader '{PcscdFixture.ReaderSlot0}': the card was removed during the command", Assert.Single(apdu.Stderr));
        string tear = attach.WaitForLine(l => Event(l) == "tear", Patience, "the tear");
        using (JsonDocument json = JsonDocument.Parse(tear))
        {
            Assert.Equal(2, json.RootElement.GetProperty("apdu").GetInt64());
            Assert.Equal("before", json.RootElement.GetProperty("point").GetString());
        }
        attach.WaitForLine(l => Event(l) == "remove", Patience, "the removal");
        attach.WaitForLine(l => Event(l) == "insert", Patience, "the card put back");
        WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == "present", "the card back in pcscd's reader");
        Stop(attach);
    }

    /// <summary>
    /// Another program's card already in slot 0: vsmartcard's own vicc. vpcd serves one connection per slot, so attach
    /// says the slot is taken (the first attach waits, silent, in vpcd's queue; the second finds that queue full).
    /// </summary>
    [ViccFact]
    public void Attach_to_the_slot_vicc_holds_is_exit_3_saying_so_and_vicc_keeps_the_reader()
    {
        Scc("card", "new", "late", "--blank");
        using (ViccCard.Start(Pcscd.VpcdPort))
        {
            JsonElement before = WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == "present", "vicc's card in pcscd's reader");

            SccResult first = SccProcess.Run(Pcscd.SocketPath, Environment, "emulator", "attach", "--json", "--slot", "0", "late", "--port-base", PortBase);
            SccResult second = SccProcess.Run(Pcscd.SocketPath, Environment, "emulator", "attach", "--json", "--slot", "0", "late", "--port-base", PortBase);

            foreach (SccResult result in new[] { first, second })
            {
                Assert.True(result.ExitCode == 3, result.ToString());
                Assert.Equal($"scc: vpcd's slot 0 (127.0.0.1:{PortBase}) already holds another card, and vpcd serves one card per slot: " +
                    "take that card out, or choose another --slot", Assert.Single(result.Stderr));
                Assert.DoesNotContain(result.Stdout, line => Event(line) == "insert");
            }
            string? viccAtr = Reader(before, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString();
            Assert.NotEqual(Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1)), viccAtr);
            JsonElement after = WaitForReaders(r => State(r, PcscdFixture.ReaderSlot0) == "present", "vicc's card still in the reader");
            Assert.Equal(viccAtr, Reader(after, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString());
        }
        // vicc gone, vpcd drops the attach connections left in its queue: Dispose waits for the empty reader.
    }

    /// <summary>SIGTERM: the attach ends with exit 0 after taking its cards out.</summary>
    private static void Stop(SccProcess attach)
    {
        attach.Terminate();
        SccResult stopped = attach.WaitForExit(Patience);
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Contains(stopped.Stdout, l => Event(l) == "detach");
    }

    /// <summary>Runs scc in the test's home; asserts it succeeded.</summary>
    private SccResult Scc(params string[] args)
    {
        SccResult result = SccProcess.Run(Pcscd.SocketPath, Environment, args);
        Assert.True(result.ExitCode == 0, $"scc {string.Join(' ', args)}: {result}");
        return result;
    }

    private static string PurseIdOf(SccResult result)
    {
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        return json.RootElement.GetProperty("purseId").GetString()!;
    }

    private static void WaitForEvents(SccProcess attach, string kind, int count)
    {
        for (int i = 0; i < count; i++)
        {
            attach.WaitForLine(l => Event(l) == kind, Patience, $"{kind} event {i + 1} of {count}");
        }
    }

    private static string? Event(string line)
    {
        using JsonDocument json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("event").GetString();
    }

    /// <summary>`scc readers --json` in a second process, until pcscd's presence poll shows what is expected.</summary>
    private JsonElement WaitForReaders(Func<JsonElement, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        SccResult? last = null;
        while (clock.Elapsed < Patience)
        {
            last = SccProcess.Run(Pcscd.SocketPath, "readers", "--json");
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

    private static JsonElement Reader(JsonElement readers, string name) =>
        readers.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static string? State(JsonElement readers, string name) => Reader(readers, name).GetProperty("state").GetString();
}
