namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class SelectTests
{
    private static EmulatedCard TwoAppletCard(ProbeLog log)
    {
        EmulatedCard card = TestCards.NewCounterCard(log);
        card.Install(EchoApplet.Aid, EchoApplet.TypeName, EchoApplet.Factory(log), 16);
        card.PowerOn();
        return card;
    }

    [Fact]
    public void Select_by_full_aid_selects_and_passes_the_select_to_process()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        ResponseApdu response = card.SelectCounter();
        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal([0x6F, 0x03, 0x84, 0x01, 0x01], response.Data.ToArray());
        Assert.Equal(["select", "process:select"], log.Events);
        Assert.Equal(CounterApplet.Aid, card.SelectedAid!.Value.ToArray());
    }

    [Fact]
    public void Select_of_an_unknown_aid_answers_6A82_and_keeps_the_current_applet()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        card.SelectCounter();
        Assert.Equal(new StatusWord(0x6A82), card.Send("00A4040007A000000003101000").StatusWord);
        Assert.Equal(0, log.Count("deselect"));
        Assert.Equal(StatusWord.Success, card.Send("8020000000").StatusWord);
    }

    [Fact]
    public void Selecting_another_applet_deselects_the_current_one()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        card.SelectCounter();
        ResponseApdu echo = card.Send("00A4040009" + Hex.Encode(EchoApplet.Aid) + "00");
        Assert.Equal(StatusWord.Success, echo.StatusWord);
        Assert.Equal(1, log.Count("deselect"));
        Assert.Contains("echo:select", log.Events);
        Assert.Equal([0xCA, 0xFE], card.Send("8002000002CAFE00").Data.ToArray());
    }

    [Fact]
    public void Reselecting_the_same_applet_deselects_it_first()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        card.SelectCounter();
        card.SelectCounter();
        Assert.Equal(["select", "process:select", "deselect", "select", "process:select"], log.Events);
    }

    [Fact]
    public void Select_returning_false_answers_6999_and_leaves_nothing_selected()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        card.SelectCounter();
        log.RefuseSelect = true;
        Assert.Equal(new StatusWord(0x6999), card.SelectCounter().StatusWord);
        Assert.Null(card.SelectedAid);
        Assert.Equal(StatusWord.InstructionNotSupported, card.Send("8020000000").StatusWord);
    }

    [Fact]
    public void Select_throwing_answers_6999()
    {
        var log = new ProbeLog { ThrowInSelect = true };
        EmulatedCard card = TwoAppletCard(log);
        Assert.Equal(new StatusWord(0x6999), card.SelectCounter().StatusWord);
        Assert.Null(card.SelectedAid);
    }

    [Fact]
    public void A_partial_aid_selects_the_first_applet_it_prefixes()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        Assert.Equal(StatusWord.Success, card.Send("00A4040005F05343435400").StatusWord);
        Assert.Equal(CounterApplet.Aid, card.SelectedAid!.Value.ToArray());
        Assert.Equal(StatusWord.FileOrApplicationNotFound, card.Send("00A4040004F0534343").StatusWord);
    }

    [Fact]
    public void Commands_before_any_select_answer_6D00()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        Assert.Equal(StatusWord.InstructionNotSupported, card.Send("8020000000").StatusWord);
        Assert.Empty(log.Events);
    }

    [Fact]
    public void Select_by_other_p1_goes_to_the_selected_applet()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        card.SelectCounter();
        // The counter applet answers 6E00 to CLA 00: the command reached it, not the runtime's SELECT.
        Assert.Equal(StatusWord.ClassNotSupported, card.Send("00A4000C023F00").StatusWord);
        Assert.Equal("process:A4", log.Events[^1]);
    }

    [Fact]
    public void Power_off_deselects_and_power_on_creates_fresh_instances()
    {
        var log = new ProbeLog();
        EmulatedCard card = TwoAppletCard(log);
        card.SelectCounter();
        int instancesBefore = log.Instances;
        card.PowerOff();
        Assert.Equal(1, log.Count("deselect"));
        card.PowerOn();
        Assert.Equal(instancesBefore + 1, log.Instances);
        Assert.Null(card.SelectedAid);
    }

    [Fact]
    public void Install_refuses_duplicate_aids_bad_aids_and_lack_of_memory()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log);
        Assert.Throws<InvalidOperationException>(() => card.Install(CounterApplet.Aid, "x", CounterApplet.Factory(log), 10));
        Assert.Throws<ArgumentException>(() => card.Install([1, 2, 3, 4], "x", CounterApplet.Factory(log), 10));
        InvalidOperationException full = Assert.Throws<InvalidOperationException>(
            () => card.Install(EchoApplet.Aid, "x", EchoApplet.Factory(log), CardProfile.DefaultNvmDataSize));
        Assert.Contains("not enough non-volatile memory", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_of_installed_applets_are_disjoint_and_isolated()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log);
        InstalledApplet second = card.Install(EchoApplet.Aid, EchoApplet.TypeName, EchoApplet.Factory(log), 100);
        Assert.Equal(CounterApplet.RegionSize, second.RegionOffset);
        Assert.Equal(2, card.Applets.Count);
    }
}
