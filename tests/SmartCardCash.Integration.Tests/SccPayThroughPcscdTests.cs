using System.Text.Json;
using SmartCardCash.Emulator;
using SmartCardCash.Integration.Tests.PaymentSupport;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Integration.Tests;

/// <summary>
/// <c>scc pay</c> and <c>scc recover</c> as child processes between two purse images that <c>scc emulator attach</c> (a
/// third process) puts into the private pcscd's readers: the addresses are <c>pcsc:Virtual PCD 00 00</c> and
/// <c>pcsc:Virtual PCD 00 01</c>, so every APDU goes through SCardTransmit. Balances are read through the readers and,
/// after the attach has ended, from the images.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class SccPayThroughPcscdTests(PcscdFixture fixture)
{
    private const string Alice = "pcsc:" + PcscdFixture.ReaderSlot0;
    private const string Shop = "pcsc:" + PcscdFixture.ReaderSlot1;

    private static readonly TimeSpan Patience = SccHome.Patience;

    private PrivatePcscd Pcscd => fixture.Required;

    [PcscdFact]
    public void Scc_pay_moves_value_between_two_attached_cards_that_monitor_and_readers_see_come_and_go()
    {
        using var home = new SccHome(Pcscd);
        home.Prepare(("alice", "customer"), ("shop", "merchant"));
        using SccProcess monitor = SccProcess.Start(Pcscd.SocketPath, "monitor", "--json");
        monitor.WaitForLine(Monitor("readerAttached", PcscdFixture.ReaderSlot1), Patience, "slot 1 attached");

        using SccProcess attach = home.Attach(2, "--slot", "0", "alice", "--slot", "1", "shop", "--contactless", "1");
        string contactAtr = Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1));
        string contactlessAtr = Hex.Encode(AnswerToReset.For(InterfaceProfile.Contactless));
        Dictionary<string, string?> inserted = Both(monitor, "cardInserted");
        Assert.Equal(contactAtr, inserted[PcscdFixture.ReaderSlot0]);
        Assert.Equal(contactlessAtr, inserted[PcscdFixture.ReaderSlot1]);
        JsonElement readers = home.WaitForReaders("present");
        Assert.Equal(contactAtr, SccHome.Reader(readers, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString());
        Assert.Equal(contactlessAtr, SccHome.Reader(readers, PcscdFixture.ReaderSlot1).GetProperty("atr").GetString());

        JsonElement paid = home.Json(0, "pay", "--from", Alice, "--to", Shop, "--amount", "12.50", "--currency", "EUR",
            "--order", "Order 1001: 2 coffees");

        Assert.Equal("completed", paid.GetProperty("outcome").GetString());
        Assert.Equal(Alice, paid.GetProperty("payer").GetProperty("card").GetString());
        Assert.Equal(Shop, paid.GetProperty("payee").GetProperty("card").GetString());
        Assert.Equal(8750, paid.GetProperty("payer").GetProperty("balance").GetProperty("minorUnits").GetInt64());
        Assert.Equal(1250, paid.GetProperty("payee").GetProperty("balance").GetProperty("minorUnits").GetInt64());
        Assert.Equal(1250, home.Balance(Shop));

        SccResult stopped = SccHome.Stop(attach);
        Assert.Equal(2, stopped.Stdout.Count(l => SccHome.Event(l) == "detach"));
        Both(monitor, "cardRemoved");
        monitor.Interrupt();
        Assert.Equal(0, monitor.WaitForExit(Patience).ExitCode);
        // The images hold what the readers showed.
        Assert.Equal((8750, 1250), (home.Balance("emu:alice"), home.Balance("emu:shop")));
        Assert.Equal(0, home.Json(0, "log", "--exceptions", "--card", "emu:alice").GetProperty("exceptions").GetArrayLength());
    }

    /// <summary>
    /// Command numbers per slot from the attach's start, as scc pay sends them: alice (slot 0) SELECT 1, GET DATA 2,
    /// VERIFY CERTIFICATE 3, START FROM 4, REQ 5, ACK 6; the shop (slot 1) the same up to START TO 4, VAL 5.
    /// </summary>
    public static TheoryData<string, byte, int, string> Tears() => new()
    {
        // VAL never reaches the shop: alice is debited and holds the value in her pending log (as far as scc can
        // tell, it may have reached the shop).
        { "1:before:5", PurseInstruction.Val, 5, "interrupted" },
        // The shop is credited, alice loses power inside ACK: no value at risk, recovery delivers the ack.
        { "0:during:6", PurseInstruction.Ack, 0, "completedAwaitingAcknowledgement" },
    };

    [PcscdTheory]
    [MemberData(nameof(Tears))]
    public void A_card_torn_mid_payment_by_the_attach_is_reported_truly_and_scc_recover_finishes_it_once_it_is_back(
        string tear, byte instruction, int payExit, string outcome)
    {
        using var home = new SccHome(Pcscd);
        home.Prepare(("alice", "customer"), ("shop", "merchant"));
        using SccProcess attach = home.Attach(2, "--slot", "0", "alice", "--slot", "1", "shop", "--tear", tear, "--reinsert-after", "1s");
        home.WaitForReaders("present");

        JsonElement paid = home.Json(payExit, "pay", "--from", Alice, "--to", Shop, "--amount", "20", "--currency", "EUR");

        Assert.Equal(outcome, paid.GetProperty("outcome").GetString());
        Assert.Equal("yes", paid.GetProperty("debited").GetString());
        string tearLine = attach.WaitForLine(l => SccHome.Event(l) == "tear", Patience, "the tear");
        using (JsonDocument json = JsonDocument.Parse(tearLine))
        {
            Assert.Equal(long.Parse(tear.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture),
                json.RootElement.GetProperty("apdu").GetInt64());
            Assert.Contains($"(80{instruction:X2}", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        if (paid.GetProperty("outcome").GetString() == "interrupted")
        {
            // The shop vanished during VAL: scc cannot know whether it was credited, and says exactly that.
            Assert.Equal("maybe", paid.GetProperty("credited").GetString());
            Assert.Equal("pendingLogOrPayee", paid.GetProperty("value").GetString());
            Assert.Contains(paid.GetProperty("next").EnumerateArray(), n => n.GetString()!.Contains("scc recover", StringComparison.Ordinal));
        }

        attach.WaitForLine(l => SccHome.Event(l) == "insert", Patience, "the torn card put back");
        home.WaitForReaders("present");
        JsonElement recovered = home.Json(0, "recover", "--from", Alice, "--to", Shop);
        Assert.Equal("completed", recovered.GetProperty("outcome").GetString());
        Assert.Equal("withPayee", recovered.GetProperty("value").GetString());
        Assert.Equal("nothingToRecover", home.Json(0, "recover", "--from", Alice, "--to", Shop).GetProperty("outcome").GetString());

        SccHome.Stop(attach);
        Assert.Equal((8000, 2000), (home.Balance("emu:alice"), home.Balance("emu:shop")));
        Assert.Equal(0, home.Json(0, "log", "--exceptions", "--card", "emu:alice").GetProperty("exceptions").GetArrayLength());
        Assert.Equal(0, home.Json(0, "log", "--exceptions", "--card", "emu:shop").GetProperty("exceptions").GetArrayLength());
    }

    [PcscdFact]
    public void After_pcscd_restarts_under_scc_emulator_attach_the_cards_come_back_and_scc_pay_works()
    {
        using var home = new SccHome(Pcscd);
        home.Prepare(("alice", "customer"), ("shop", "merchant"));
        using SccProcess attach = home.Attach(2, "--slot", "0", "alice", "--slot", "1", "shop");
        home.WaitForReaders("present");
        try
        {
            Pcscd.Restart();
        }
        finally
        {
            Pcscd.Start();
        }

        // vpcd dropped both cards with the old pcscd; the bridges reconnect to the new one by themselves.
        attach.WaitForLine(l => SccHome.Event(l) == "reconnect", Patience, "a reconnect after the restart");
        JsonElement readers = home.WaitForReaders("present");
        Assert.Equal(Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1)),
            SccHome.Reader(readers, PcscdFixture.ReaderSlot0).GetProperty("atr").GetString());
        JsonElement paid = home.Json(0, "pay", "--from", Alice, "--to", Shop, "--amount", "7.25", "--currency", "EUR");

        Assert.Equal("completed", paid.GetProperty("outcome").GetString());
        SccHome.Stop(attach);
        Assert.Equal((10_000 - 725, 725), (home.Balance("emu:alice"), home.Balance("emu:shop")));
    }

    private static Func<string, bool> Monitor(string kind, string reader) => line =>
    {
        using JsonDocument json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("event").GetString() == kind &&
               json.RootElement.GetProperty("reader").GetString() == reader;
    };

    /// <summary>The monitor's <paramref name="kind"/> events for both readers, in whichever order they come: reader → ATR.</summary>
    private static Dictionary<string, string?> Both(SccProcess monitor, string kind)
    {
        var seen = new Dictionary<string, string?>();
        while (seen.Count < 2)
        {
            string line = monitor.WaitForLine(l => Monitor(kind, PcscdFixture.ReaderSlot0)(l) || Monitor(kind, PcscdFixture.ReaderSlot1)(l),
                Patience, $"{kind} for both readers (seen: {string.Join(", ", seen.Keys)})");
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            seen[root.GetProperty("reader").GetString()!] = root.TryGetProperty("atr", out JsonElement atr) ? atr.GetString() : null;
        }
        return seen;
    }
}
