using System.Globalization;
using System.Text.Json;
using SmartCardCash.Emulator;
using SmartCardCash.Integration.Tests.PaymentSupport;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Integration.Tests;

/// <summary>
/// `scc emulator attach` as a child process puts purse images from a temporary SCC_HOME into the private pcscd's vpcd
/// readers; other scc processes then reach them through PC/SC like any card.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class EmulatorAttachIntegrationTests(PcscdFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = SccHome.Patience;

    private SccHome? _home;

    private PrivatePcscd Pcscd => fixture.Required;

    /// <summary>The test's SCC_HOME; disposing it waits for empty readers, as the next test expects.</summary>
    private SccHome Home => _home ??= new SccHome(Pcscd);

    private string PortBase => Pcscd.VpcdPort.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _home?.Dispose();

    [PcscdFact]
    public void Attached_purses_are_cards_in_pcscd_readers_until_sigterm_takes_them_out()
    {
        Home.Ok("issuer", "init");
        string alice = PurseIdOf(Home.Ok("card", "new", "alice", "--class", "customer", "--currency", "EUR", "--lock-code", "1234", "--json"));
        string bob = PurseIdOf(Home.Ok("card", "new", "bob", "--class", "merchant", "--currency", "EUR", "--lock-code", "1234", "--json"));

        using SccProcess attach = Home.Attach(2, "--slot", "0", "alice", "--slot", "1", "bob", "--contactless", "1");
        JsonElement readers = Home.WaitForReaders("present");

        Assert.Equal(Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1)), SccHome.Reader(readers, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString());
        string contactlessAtr = SccHome.Reader(readers, PcscdFixture.ReaderSlot1).GetProperty("atr").GetString()!;
        Assert.Equal(Hex.Encode(AnswerToReset.For(InterfaceProfile.Contactless)), contactlessAtr);
        Assert.StartsWith("3B8E8001", contactlessAtr);

        SccResult info = Home.Ok("info", "--json", "--card", $"pcsc:{PcscdFixture.ReaderSlot0}");
        using (JsonDocument json = JsonDocument.Parse(info.StdoutText))
        {
            Assert.Equal(alice, json.RootElement.GetProperty("purseId").GetString());
            Assert.Equal(PcscdFixture.ReaderSlot0, json.RootElement.GetProperty("card").GetString());
        }
        SccResult uid = Home.Ok("apdu", "--reader", PcscdFixture.ReaderSlot1, "FFCA000000");
        Assert.EndsWith(" 9000 (success)", uid.Stdout[^1]);
        // While attached the image is locked: the card is reached through its reader, not as emu:alice.
        SccResult locked = Home.Run("info", "--card", "emu:alice");
        Assert.True(locked.ExitCode == 7, locked.ToString());

        SccResult stopped = SccHome.Stop(attach);

        Assert.Equal(2, stopped.Stdout.Count(l => SccHome.Event(l) == "detach"));
        Home.WaitForReaders("empty");
        // The images were saved and unlocked: each opens as an emulated card again, the same purse.
        Assert.Equal(alice, PurseIdOf(Home.Ok("info", "--json", "--card", "emu:alice")));
        Assert.Equal(bob, PurseIdOf(Home.Ok("info", "--json", "--card", "emu:bob")));
    }

    [PcscdFact]
    public void Conformance_passes_through_the_real_pc_sc_stack_on_a_fresh_blank_purse()
    {
        Home.Ok("card", "new", "blank", "--blank");
        using SccProcess attach = Home.Attach(1, "--slot", "1", "blank");
        Home.WaitForReaders(r => Present(r, PcscdFixture.ReaderSlot1), "the blank card in pcscd's reader");

        SccResult result = Home.Run("conformance", "--card", $"pcsc:{PcscdFixture.ReaderSlot1}", "--script", "merchant", "--json");

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
        Home.Ok("card", "new", "torn", "--blank");
        // Command 1 is the SELECT, command 2 is torn before it reaches the card. The card stays out for 2 s, so
        // pcscd's presence poll (every 400 ms) surely sees it gone, even on a loaded machine.
        using SccProcess attach = Home.Attach(1, "--slot", "0", "torn", "--tear", "0:before:2", "--reinsert-after", "2s");
        Home.WaitForReaders(r => Present(r, PcscdFixture.ReaderSlot0), "the card in pcscd's reader");

        SccResult apdu = SccProcess.Run(Pcscd.SocketPath, "apdu", "--reader", PcscdFixture.ReaderSlot0,
            "00A404000AF053434350555253450100", "80CA000100");

        Assert.True(apdu.ExitCode == 4, apdu.ToString());
        Assert.Equal($"scc: reader '{PcscdFixture.ReaderSlot0}': the card was removed during the command", Assert.Single(apdu.Stderr));
        string tear = attach.WaitForLine(l => SccHome.Event(l) == "tear", Patience, "the tear");
        using (JsonDocument json = JsonDocument.Parse(tear))
        {
            Assert.Equal(2, json.RootElement.GetProperty("apdu").GetInt64());
            Assert.Equal("before", json.RootElement.GetProperty("point").GetString());
        }
        attach.WaitForLine(l => SccHome.Event(l) == "remove", Patience, "the removal");
        attach.WaitForLine(l => SccHome.Event(l) == "insert", Patience, "the card put back");
        Home.WaitForReaders(r => Present(r, PcscdFixture.ReaderSlot0), "the card back in pcscd's reader");
        Stop(attach);
    }

    /// <summary>
    /// Another program's card already in slot 0: vsmartcard's own vicc. vpcd serves one connection per slot, so attach
    /// says the slot is taken (the first attach waits, silent, in vpcd's queue; the second finds that queue full).
    /// </summary>
    [ViccFact]
    public void Attach_to_the_slot_vicc_holds_is_exit_3_saying_so_and_vicc_keeps_the_reader()
    {
        Home.Ok("card", "new", "late", "--blank");
        using (ViccCard.Start(Pcscd.VpcdPort))
        {
            JsonElement before = Home.WaitForReaders(r => Present(r, PcscdFixture.ReaderSlot0), "vicc's card in pcscd's reader");

            SccResult first = Home.Run("emulator", "attach", "--json", "--slot", "0", "late", "--port-base", PortBase);
            SccResult second = Home.Run("emulator", "attach", "--json", "--slot", "0", "late", "--port-base", PortBase);

            foreach (SccResult result in new[] { first, second })
            {
                Assert.True(result.ExitCode == 3, result.ToString());
                Assert.Equal($"scc: vpcd's slot 0 (127.0.0.1:{PortBase}) already holds another card, and vpcd serves one card per slot: " +
                    "take that card out, or choose another --slot", Assert.Single(result.Stderr));
                Assert.DoesNotContain(result.Stdout, line => SccHome.Event(line) == "insert");
            }
            string? viccAtr = SccHome.Reader(before, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString();
            Assert.NotEqual(Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1)), viccAtr);
            JsonElement after = Home.WaitForReaders(r => Present(r, PcscdFixture.ReaderSlot0), "vicc's card still in the reader");
            Assert.Equal(viccAtr, SccHome.Reader(after, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString());
        }
        // vicc gone, vpcd drops the attach connections left in its queue: Dispose waits for the empty reader.
    }

    /// <summary>SIGTERM: the attach ends with exit 0 after taking its cards out.</summary>
    private static void Stop(SccProcess attach) => Assert.Contains(SccHome.Stop(attach).Stdout, l => SccHome.Event(l) == "detach");

    private static string PurseIdOf(SccResult result)
    {
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        return json.RootElement.GetProperty("purseId").GetString()!;
    }

    private static bool Present(JsonElement readers, string reader) => SccHome.State(readers, reader) == "present";
}
