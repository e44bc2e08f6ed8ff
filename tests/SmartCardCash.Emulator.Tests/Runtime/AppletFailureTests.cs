namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class AppletFailureTests
{
    private static EmulatedCard SelectedCard(ProbeLog log, int commitBufferCapacity = CardProfile.DefaultCommitBufferCapacity)
    {
        EmulatedCard card = TestCards.NewCounterCard(log, commitBufferCapacity: commitBufferCapacity);
        card.PowerOnAndSelectCounter();
        card.Send("8010000000");
        return card;
    }

    /// <summary>
    /// What a command leaves behind, after one committed increment (A = B = 1): its status word, the counters, and
    /// whether the runtime had to abort a transaction the applet left open.
    /// </summary>
    [Theory]
    // An ISO exception answers its status word and the open transaction is aborted.
    [InlineData("8030010000", 0x6A80, 1u, 1)]
    // Any other exception answers 6F00 and the open transaction is aborted.
    [InlineData("8030020000", 0x6F00, 1u, 1)]
    // A transaction left open by a successful command is aborted.
    [InlineData("8030030000", 0x9000, 1u, 1)]
    // A plain write (A) before an exception stays written; there was no transaction to abort.
    [InlineData("8030040000", 0x6F00, 0xFFFFFFFFu, 0)]
    public void The_runtime_answers_and_aborts_what_the_applet_left_open(string command, int statusWord, uint counterA,
        int abortedByRuntime)
    {
        EmulatedCard card = SelectedCard(new ProbeLog());
        Assert.Equal(new StatusWord((ushort)statusWord), card.Send(command).StatusWord);
        Assert.Equal((counterA, 1u), card.ReadCounters());
        Assert.Equal(abortedByRuntime, card.TransactionsAbortedByRuntime);
        Assert.False(card.Memory.InTransaction);
    }

    [Fact]
    public void An_iso_exception_discards_data_the_applet_had_set()
    {
        EmulatedCard card = SelectedCard(new ProbeLog());
        byte[] response = card.Transmit(Hex.Decode("8030050000"));
        Assert.Equal([0x69, 0x85], response);
    }

    [Fact]
    public void Overflowing_the_commit_buffer_answers_6581_and_changes_nothing()
    {
        EmulatedCard card = SelectedCard(new ProbeLog(), commitBufferCapacity: 512);
        byte[] before = card.Send("8020000000").Data.ToArray();
        byte[] image = card.Memory.CopyImage()[(card.Memory.DataOffset)..];
        Assert.Equal(StatusWord.MemoryFailure, card.Send("80400258").StatusWord); // 600 bytes
        Assert.Equal(image, card.Memory.CopyImage()[(card.Memory.DataOffset)..]);
        Assert.Equal(before, card.Send("8020000000").Data.ToArray());
        Assert.Equal(1, card.TransactionsAbortedByRuntime);
        Assert.Equal(1, card.MemoryFailures);
        Assert.Equal(0, card.AppletFaults);
        Assert.Equal(StatusWord.Success, card.Send("804001E0").StatusWord); // 480 bytes: entries of 208 + 208 + 88 fit 512
    }

    [Fact]
    public void A_factory_that_throws_makes_select_answer_6999_but_leaves_the_card_usable()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log);
        card.Install(EchoApplet.Aid, EchoApplet.TypeName, EchoApplet.Factory(log), 16);
        log.ThrowInFactory = true;
        card.PowerOn();
        Assert.Equal(new StatusWord(0x6999), card.SelectCounter().StatusWord);
        Assert.Equal(StatusWord.Success, card.Send("00A4040009" + Hex.Encode(EchoApplet.Aid)).StatusWord);
    }

    [Fact]
    public void In_throw_on_fault_mode_an_applet_exception_escapes_after_the_transaction_is_aborted()
    {
        var log = new ProbeLog();
        var card = new EmulatedCard(CardProfile.Default, new EmulatedCardOptions { ThrowOnAppletFault = true });
        card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(log), CounterApplet.RegionSize);
        card.PowerOnAndSelectCounter();
        card.Send("8010000000");

        AppletFaultException fault = Assert.Throws<AppletFaultException>(() => card.Send("8030020000"));
        Assert.IsType<InvalidOperationException>(fault.InnerException);
        Assert.Equal("process", fault.Phase);
        Assert.False(card.Memory.InTransaction);
        Assert.True(card.IsPowered);
        Assert.Equal((1u, 1u), card.ReadCounters());
        Assert.Equal(StatusWord.IncorrectData, card.Send("8030010000").StatusWord); // ISO exceptions stay status words
        Assert.Equal(1, card.AppletFaults);
    }

    [Fact]
    public void By_default_applet_faults_are_counted_and_answered_6F00()
    {
        EmulatedCard card = SelectedCard(new ProbeLog());
        Assert.Equal(StatusWord.NoPreciseDiagnosis, card.Send("8030020000").StatusWord);
        Assert.Equal(1, card.AppletFaults);
    }
}
