namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class CommandCheckTests
{
    private static (EmulatedCard Card, ProbeLog Log) SelectedCounter(InterfaceProfile profile = InterfaceProfile.ContactT1)
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log, profile);
        card.Install(EchoApplet.Aid, EchoApplet.TypeName, EchoApplet.Factory(log), 16);
        card.PowerOnAndSelectCounter();
        log.Events.Clear();
        return (card, log);
    }

    private static void SelectEcho(EmulatedCard card, ProbeLog log)
    {
        Assert.Equal(StatusWord.Success, card.Send("00A4040009" + Hex.Encode(EchoApplet.Aid)).StatusWord);
        log.Events.Clear();
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("8020")]
    [InlineData("802000")]
    [InlineData("80200000050102")] // Lc = 5, 2 bytes follow
    [InlineData("802000000000030102")] // extended Lc = 0003, 2 bytes follow
    [InlineData("802000000000")] // extended length field cut short
    public void Malformed_apdus_answer_6700_without_reaching_the_applet(string hex)
    {
        (EmulatedCard card, ProbeLog log) = SelectedCounter();
        Assert.Equal(StatusWord.WrongLength, card.Send(hex).StatusWord);
        Assert.Empty(log.Events);
    }

    [Theory]
    [InlineData("01", 0x6881)]
    [InlineData("03", 0x6881)]
    [InlineData("81", 0x6881)]
    [InlineData("40", 0x6881)]
    [InlineData("7F", 0x6881)]
    [InlineData("E0", 0x6881)]
    [InlineData("05", 0x6881)] // channel bits are checked before secure messaging bits
    [InlineData("04", 0x6882)]
    [InlineData("08", 0x6882)]
    [InlineData("8C", 0x6882)]
    [InlineData("1C", 0x6882)] // secure messaging before chaining
    [InlineData("10", 0x6884)]
    [InlineData("90", 0x6884)]
    public void Class_byte_checks_answer_before_the_applet_sees_the_command(string cla, int sw)
    {
        (EmulatedCard card, ProbeLog log) = SelectedCounter();
        Assert.Equal(new StatusWord((ushort)sw), card.Send(cla + "20000000").StatusWord);
        Assert.Empty(log.Events);
    }

    [Theory]
    [InlineData(InterfaceProfile.ContactT1)]
    [InlineData(InterfaceProfile.ContactT0)]
    public void Class_FF_on_a_contact_card_answers_6E00(InterfaceProfile profile)
    {
        (EmulatedCard card, _) = SelectedCounter(profile);
        Assert.Equal(StatusWord.ClassNotSupported, card.Send("FFCA000000").StatusWord);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("6F")]
    [InlineData("90")]
    [InlineData("9F")]
    public void Ins_6X_and_9X_answer_6D00(string ins)
    {
        (EmulatedCard card, ProbeLog log) = SelectedCounter();
        Assert.Equal(StatusWord.InstructionNotSupported, card.Send("80" + ins + "000000").StatusWord);
        Assert.Empty(log.Events);
    }

    [Fact]
    public void Extended_length_reaches_only_applets_that_declare_it()
    {
        (EmulatedCard card, ProbeLog log) = SelectedCounter();
        Assert.Equal(StatusWord.WrongLength, card.Send("8020000000000000").StatusWord);
        Assert.Empty(log.Events);

        SelectEcho(card, log);
        var command = new CommandApdu(0x80, 0x01, 0, 0, ne: 300, encoding: ApduEncoding.Extended);
        ResponseApdu response = card.Transmit(command);
        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal(CounterApplet.Pattern(300), response.Data.ToArray());
        Assert.Equal(["echo:8001 ne=300 chained=False"], log.Events);
    }

    [Fact]
    public void Chained_commands_reach_only_applets_that_declare_chaining()
    {
        (EmulatedCard card, ProbeLog log) = SelectedCounter();
        SelectEcho(card, log);
        ResponseApdu response = card.Send("9002000002AABB00");
        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal([0xAA, 0xBB], response.Data.ToArray());
        Assert.Equal(["echo:9002 ne=256 chained=True"], log.Events);
    }

    [Fact]
    public void Select_and_get_response_do_not_accept_chaining_or_extended_length()
    {
        (EmulatedCard card, _) = SelectedCounter();
        Assert.Equal(StatusWord.CommandChainingNotSupported, card.Send("10A4040009" + Hex.Encode(EchoApplet.Aid)).StatusWord);
        Assert.Equal(StatusWord.WrongLength, card.Send("00A40400000009" + Hex.Encode(EchoApplet.Aid)).StatusWord);
        Assert.Equal(CounterApplet.Aid, card.SelectedAid!.Value.ToArray());
    }

    [Fact]
    public void The_runtime_checks_come_before_the_no_applet_answer()
    {
        var card = new EmulatedCard();
        card.PowerOn();
        Assert.Equal(StatusWord.LogicalChannelNotSupported, card.Send("0120000000").StatusWord);
        Assert.Equal(StatusWord.InstructionNotSupported, card.Send("8020000000").StatusWord);
    }
}
