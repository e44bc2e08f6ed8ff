namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class ResponseDeliveryTests
{
    private static EmulatedCard SelectedCard(InterfaceProfile profile, ProbeLog? log = null)
    {
        EmulatedCard card = TestCards.NewCounterCard(log ?? new ProbeLog(), profile);
        card.PowerOn();
        Assert.True(card.SelectCounter().StatusWord.IsNormal);
        return card;
    }

    /// <summary>Collects a whole response the way a host does: GET RESPONSE with Le = min(xx, <paramref name="le"/>) while 61xx.</summary>
    private static (byte[] Data, StatusWord Status, int Rounds) Collect(EmulatedCard card, ResponseApdu first, int le)
    {
        var data = new List<byte>(first.Data.ToArray());
        ResponseApdu response = first;
        int rounds = 0;
        while (response.StatusWord.HasMoreData)
        {
            int available = response.Sw2 == 0 ? 256 : response.Sw2;
            int ask = Math.Min(available, le);
            response = card.Transmit(new CommandApdu(0x00, 0xC0, 0x00, 0x00, ne: ask));
            Assert.True(response.Data.Length <= ask, "GET RESPONSE never returns more than its Le");
            data.AddRange(response.Data.ToArray());
            rounds++;
        }
        return (data.ToArray(), response.StatusWord, rounds);
    }

    [Theory]
    [InlineData(InterfaceProfile.ContactT0)]
    [InlineData(InterfaceProfile.ContactT1)]
    [InlineData(InterfaceProfile.Contactless)]
    public void Data_longer_than_ne_comes_in_parts_through_61xx_and_get_response(InterfaceProfile profile)
    {
        EmulatedCard card = SelectedCard(profile);
        ResponseApdu first = card.Transmit(new CommandApdu(0x80, 0x22, 0x01, 0x2C, ne: 100)); // 300 bytes
        Assert.Equal(100, first.Data.Length);
        Assert.Equal(new StatusWord(0x61, 200), first.StatusWord);

        (byte[] data, StatusWord status, int rounds) = Collect(card, first, le: 64);
        Assert.Equal(CounterApplet.Pattern(300), data);
        Assert.Equal(StatusWord.Success, status);
        Assert.Equal(4, rounds); // 64 + 64 + 64 + 8
    }

    [Theory]
    [InlineData(InterfaceProfile.ContactT0)]
    [InlineData(InterfaceProfile.ContactT1)]
    public void More_than_256_bytes_waiting_is_announced_as_6100(InterfaceProfile profile)
    {
        EmulatedCard card = SelectedCard(profile);
        ResponseApdu first = card.Send("80220200" + "00"); // 512 bytes, Le = 256
        Assert.Equal(256, first.Data.Length);
        Assert.Equal(new StatusWord(0x6100), first.StatusWord);
        (byte[] data, StatusWord status, _) = Collect(card, first, le: 256);
        Assert.Equal(CounterApplet.Pattern(512), data);
        Assert.Equal(StatusWord.Success, status);
    }

    [Theory]
    [InlineData(InterfaceProfile.ContactT1)]
    [InlineData(InterfaceProfile.Contactless)]
    public void Without_le_data_is_announced_with_61xx_and_no_data(InterfaceProfile profile)
    {
        EmulatedCard card = SelectedCard(profile);
        ResponseApdu first = card.Send("80220010");
        Assert.Equal(0, first.Data.Length);
        Assert.Equal(new StatusWord(0x6110), first.StatusWord);
        ResponseApdu rest = card.Send("00C0000010");
        Assert.Equal(CounterApplet.Pattern(16), rest.Data.ToArray());
        Assert.Equal(StatusWord.Success, rest.StatusWord);
    }

    [Fact]
    public void On_T0_a_case_4_command_always_answers_61xx_because_le_does_not_travel()
    {
        EmulatedCard t0 = SelectedCard(InterfaceProfile.ContactT0);
        EmulatedCard t1 = SelectedCard(InterfaceProfile.ContactT1);
        const string Case4Increment = "801000000100" + "00"; // Lc = 1 (one ignored data byte), Le = 00
        ResponseApdu onT1 = t1.Send(Case4Increment);
        Assert.Equal(StatusWord.Success, onT1.StatusWord);
        Assert.Equal(4, onT1.Data.Length);

        ResponseApdu onT0 = t0.Send(Case4Increment);
        Assert.Equal(new StatusWord(0x6104), onT0.StatusWord);
        Assert.Equal(0, onT0.Data.Length);
        ResponseApdu fetched = t0.Send("00C0000004");
        Assert.Equal(onT1.Data.ToArray(), fetched.Data.ToArray());
        Assert.Equal(StatusWord.Success, fetched.StatusWord);
    }

    [Fact]
    public void The_final_get_response_carries_the_applet_warning_status()
    {
        EmulatedCard card = SelectedCard(InterfaceProfile.ContactT1);
        ResponseApdu first = card.Send("8024140008"); // 20 bytes, 6310
        Assert.Equal(new StatusWord(0x610C), first.StatusWord);
        ResponseApdu rest = card.Send("00C0000000");
        Assert.Equal(CounterApplet.Pattern(20)[8..], rest.Data.ToArray());
        Assert.Equal(StatusWord.WarningStateChanged, rest.StatusWord);
    }

    [Fact]
    public void Get_response_may_carry_the_class_of_the_command_whose_answer_is_pending()
    {
        // ApduPipeline copies the command's CLA into GET RESPONSE; 80 C0 must reach the pending data, not the applet.
        EmulatedCard card = SelectedCard(InterfaceProfile.ContactT0);
        ResponseApdu first = card.Transmit(new CommandApdu(0x80, 0x22, 0x01, 0x2C, ne: 100));
        Assert.True(first.StatusWord.HasMoreData);

        ResponseApdu rest = card.Transmit(new CommandApdu(0x80, 0xC0, 0x00, 0x00, ne: 256));

        Assert.Equal(StatusWord.Success, rest.StatusWord);
        Assert.Equal(CounterApplet.Pattern(300), first.Data.ToArray().Concat(rest.Data.ToArray()).ToArray());
    }

    [Fact]
    public void A_proprietary_C0_with_nothing_pending_goes_to_the_applet()
    {
        EmulatedCard card = SelectedCard(InterfaceProfile.ContactT1);

        ResponseApdu response = card.Transmit(new CommandApdu(0x80, 0xC0, 0x00, 0x00, ne: 256));

        Assert.Equal(StatusWord.InstructionNotSupported, response.StatusWord);
    }

    [Fact]
    public void Get_response_with_nothing_pending_answers_6985()
    {
        EmulatedCard card = SelectedCard(InterfaceProfile.ContactT1);
        Assert.Equal(StatusWord.ConditionsOfUseNotSatisfied, card.Send("00C0000000").StatusWord);
    }

    [Fact]
    public void Another_command_discards_pending_data()
    {
        EmulatedCard card = SelectedCard(InterfaceProfile.ContactT1);
        Assert.True(card.Send("8022010010").StatusWord.HasMoreData);
        Assert.Equal(StatusWord.Success, card.Send("8020000000").StatusWord);
        Assert.Equal(StatusWord.ConditionsOfUseNotSatisfied, card.Send("00C0000000").StatusWord);
    }

    [Fact]
    public void A_malformed_get_response_is_refused_and_keeps_the_pending_data()
    {
        EmulatedCard card = SelectedCard(InterfaceProfile.ContactT1);
        Assert.Equal(new StatusWord(0x6120), card.Send("80220040" + "20").StatusWord);
        Assert.Equal(StatusWord.IncorrectP1P2, card.Send("00C0000100").StatusWord);
        Assert.Equal(StatusWord.WrongLength, card.Send("00C00000").StatusWord);
        ResponseApdu rest = card.Send("00C0000000");
        Assert.Equal(CounterApplet.Pattern(64)[32..], rest.Data.ToArray());
    }

    [Fact]
    public void Data_shorter_than_ne_is_returned_whole()
    {
        EmulatedCard card = SelectedCard(InterfaceProfile.ContactT1);
        ResponseApdu response = card.Send("8022000500");
        Assert.Equal(CounterApplet.Pattern(5), response.Data.ToArray());
        Assert.Equal(StatusWord.Success, response.StatusWord);
    }
}
