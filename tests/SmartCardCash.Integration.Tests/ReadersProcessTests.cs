using System.Text.Json;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Integration.Tests;

/// <summary>`scc readers` as a separate process against the private pcscd.</summary>
[Collection(PcscdCollection.Name)]
public sealed class ReadersProcessTests(PcscdFixture fixture)
{
    private PrivatePcscd Pcscd => fixture.Required;

    [PcscdFact]
    public void Readers_json_lists_both_virtual_readers()
    {
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "readers", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        var names = json.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains(PcscdFixture.ReaderSlot0, names);
        Assert.Contains(PcscdFixture.ReaderSlot1, names);
    }

    [PcscdFact]
    public void Readers_json_shows_the_atr_and_protocol_of_an_inserted_card()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 1, TestApplet.Answer);
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "readers", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        JsonElement reader = json.RootElement.EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == PcscdFixture.ReaderSlot1);
        Assert.Equal("present", reader.GetProperty("state").GetString());
        Assert.Equal(Hex.Encode(VpcdTestCard.DefaultAtr), reader.GetProperty("atr").GetString());
        Assert.Equal("T=1", reader.GetProperty("protocol").GetString());
        JsonElement other = json.RootElement.EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == PcscdFixture.ReaderSlot0);
        Assert.Equal("empty", other.GetProperty("state").GetString());
    }

    [PcscdFact]
    public void A_card_held_exclusively_by_another_program_shows_as_in_use()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 0, TestApplet.Answer);
        using (var context = PcscContext.Establish())
        using (context.Connect(PcscdFixture.ReaderSlot0, PcscShareMode.Exclusive))
        {
            SccResult readers = SccProcess.Run(Pcscd.SocketPath, "readers", "--json");
            SccResult apdu = SccProcess.Run(Pcscd.SocketPath, "apdu", TestApplet.Select);

            Assert.True(readers.ExitCode == 0, readers.ToString());
            using JsonDocument json = JsonDocument.Parse(readers.StdoutText);
            JsonElement reader = json.RootElement.EnumerateArray()
                .Single(r => r.GetProperty("name").GetString() == PcscdFixture.ReaderSlot0);
            Assert.Equal("inUse", reader.GetProperty("state").GetString());
            Assert.True(apdu.ExitCode == 3, apdu.ToString());
            Assert.Contains("[SCARD_E_SHARING_VIOLATION]", Assert.Single(apdu.Stderr));
        }
    }

    [PcscdFact]
    public void Readers_table_shows_the_card_too()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 0, TestApplet.Answer);
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "readers");

        Assert.True(result.ExitCode == 0, result.ToString());
        string row = Assert.Single(result.Stdout, l => l.Contains(PcscdFixture.ReaderSlot0));
        Assert.Contains("present", row);
        Assert.Contains(Hex.Encode(VpcdTestCard.DefaultAtr), row);
    }

    [PcscdFact]
    public void Readers_after_pcscd_stops_prints_one_clear_line_and_exits_3_and_works_again_after_a_restart()
    {
        Pcscd.Stop();
        try
        {
            SccResult stopped = SccProcess.Run(Pcscd.SocketPath, "readers");

            Assert.True(stopped.ExitCode == 3, stopped.ToString());
            Assert.Empty(stopped.Stdout);
            Assert.Equal("scc: the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]", Assert.Single(stopped.Stderr));
        }
        finally
        {
            Pcscd.Start();
        }

        SccResult running = SccProcess.Run(Pcscd.SocketPath, "readers");
        Assert.True(running.ExitCode == 0, running.ToString());
        Assert.Contains(running.Stdout, l => l.Contains(PcscdFixture.ReaderSlot0));
    }
}
