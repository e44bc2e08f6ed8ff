using System.Text.Json;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Integration.Tests;

/// <summary>APDUs through the real pcscd and vpcd: in-process with SCardTransmit, and through `scc apdu`.</summary>
[Collection(PcscdCollection.Name)]
public sealed class ApduIntegrationTests(PcscdFixture fixture)
{
    private PrivatePcscd Pcscd => fixture.Required;

    [PcscdFact]
    public void An_apdu_sent_with_SCardTransmit_reaches_the_card_and_its_answer_comes_back()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 0, apdu => [.. apdu.Reverse(), 0x90, 0x00]);
        using (var context = PcscContext.Establish())
        using (PcscCard connection = context.Connect(PcscdFixture.ReaderSlot0))
        {
            byte[] response = connection.Transmit([0x80, 0xCA, 0x01, 0x02]);

            Assert.Equal("0201CA809000", Hex.Encode(response));
            Assert.Equal("80CA0102", Hex.Encode(Assert.Single(card.Received)));
            Assert.Equal(CardProtocol.T1, connection.Protocol);
            Assert.Equal(VpcdTestCard.DefaultAtr, connection.Atr.ToArray());
        }
    }

    [PcscdFact]
    public void The_pipeline_completes_a_61xx_answer_with_get_response_over_pcsc()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 0, TestApplet.Answer);
        using var context = PcscContext.Establish();
        using PcscCard connection = context.Connect(PcscdFixture.ReaderSlot0);
        var pipeline = new ApduPipeline(connection);

        ResponseApdu response = pipeline.Transmit(CommandApdu.ParseHex(TestApplet.Select));

        Assert.Equal(TestApplet.Fci, response.Data.ToArray());
        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal([TestApplet.Select, "00C0000012"], card.Received.Select(a => Hex.Encode(a)));
    }

    [PcscdFact]
    public void Scc_apdu_sends_through_pcscd_and_completes_61xx_with_get_response()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 1, TestApplet.Answer);
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "apdu", "--trace", TestApplet.Select);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
        [
            $"# {PcscdFixture.ReaderSlot1}, T=1, ATR {Hex.Encode(VpcdTestCard.DefaultAtr)}",
            $"> {TestApplet.Select}",
            $"< {Hex.Encode(TestApplet.Fci)} 9000 (success)",
        ], result.Stdout);
        Assert.Equal([TestApplet.Select, "00C0000012"], card.Received.Select(a => Hex.Encode(a)));
        Assert.Contains(result.Stderr, l => l.Contains("→ 00 C0 00 00  (case 2 short, Le=18)"));
    }

    [PcscdFact]
    public void Scc_apdu_json_and_an_error_status_word_give_exit_1()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 0, TestApplet.Answer);
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "apdu", "--json", "--reader", "pcd 00 00",
            TestApplet.ReadBinary, TestApplet.Select);

        Assert.True(result.ExitCode == 1, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        var sws = json.RootElement.GetProperty("exchanges").EnumerateArray()
            .Select(e => e.GetProperty("sw").GetString());
        Assert.Equal(["6A82", "9000"], sws);
        Assert.Empty(result.Stderr);
    }

    [PcscdFact]
    public void Scc_apdu_to_an_unknown_reader_exits_3_and_lists_the_readers()
    {
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "apdu", "--reader", "Omnikey", TestApplet.Select);

        Assert.True(result.ExitCode == 3, result.ToString());
        string line = Assert.Single(result.Stderr);
        Assert.Equal(
            $"scc: no reader matches 'Omnikey'; the readers are '{PcscdFixture.ReaderSlot0}', '{PcscdFixture.ReaderSlot1}'",
            line);
    }

    [PcscdFact]
    public void Scc_apdu_without_a_card_exits_3()
    {
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "apdu", TestApplet.Select);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(
            $"scc: there is no card in any reader; the readers are '{PcscdFixture.ReaderSlot0}', '{PcscdFixture.ReaderSlot1}'",
            Assert.Single(result.Stderr));
    }

    [PcscdFact]
    public void A_card_pulled_out_mid_command_exits_4_with_one_clear_line()
    {
        using InsertedCard card = CardBench.Insert(Pcscd, slot: 0, TestApplet.Answer);
        SccResult result = SccProcess.Run(Pcscd.SocketPath, "apdu", TestApplet.Select, TestApplet.PullCard,
            TestApplet.ReadBinary);

        Assert.True(result.ExitCode == 4, result.ToString());
        string line = Assert.Single(result.Stderr);
        Assert.Equal($"scc: reader '{PcscdFixture.ReaderSlot0}': the card was removed during the command", line);
        Assert.Equal($"> {TestApplet.PullCard}", result.Stdout[^1]);
        Assert.DoesNotContain(card.Received, a => a[1] == 0xB0);
    }
}
