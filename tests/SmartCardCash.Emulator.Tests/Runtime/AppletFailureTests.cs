using SmartCardCash.Emulator.Tests.Probes;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class AppletFailureTests
{
    private static EmulatedCard SelectedCard(ProbeLog log, int commitBufferCapacity = CardProfile.DefaultCommitBufferCapacity)
    {
        EmulatedCard card = TestCards.NewCounterCard(log, commitBufferCapacity: commitBufferCapacity);
        card.PowerOn();
        card.SelectCounter();
        card.Send("8010000000");
        return card;
    }

    [Fact]
    public void An_iso_exception_answers_its_status_word_and_the_open_transaction_is_aborted()
    {
        EmulatedCard card = SelectedCard(new ProbeLog());
        Assert.Equal(StatusWord.IncorrectData, card.Send("8030010000").StatusWord);
        Assert.Equal((1u, 1u), card.ReadCounters());
        Assert.Equal(1, card.TransactionsAbortedByRuntime);
        Assert.False(card.Memory.InTransaction);
    }

    [Fact]
    public void Any_other_exception_answers_6F00_and_the_open_transaction_is_aborted()
    {
        EmulatedCard card = SelectedCard(new ProbeLog());
        Assert.Equal(StatusWord.NoPreciseDiagnosis, card.Send("8030020000").StatusWord);
        Assert.Equal((1u, 1u), card.ReadCounters());
        Assert.Equal(1, card.TransactionsAbortedByRuntime);
    }

    [Fact]
    public void A_transaction_left_open_by_a_successful_command_is_aborted()
    {
        EmulatedCard card = SelectedCard(new ProbeLog());
        Assert.Equal(StatusWord.Success, card.Send("8030030000").StatusWord);
        Assert.Equal((1u, 1u), card.ReadCounters());
        Assert.Equal(1, card.TransactionsAbortedByRuntime);
    }

    [Fact]
    public void A_plain_write_before_an_exception_stays_written()
    {
        EmulatedCard card = SelectedCard(new ProbeLog());
        Assert.Equal(StatusWord.NoPreciseDiagnosis, card.Send("8030040000").StatusWord);
        Assert.Equal((0xFFFFFFFFu, 1u), card.ReadCounters());
        Assert.Equal(0, card.TransactionsAbortedByRuntime);
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
        card.PowerOn();
        card.SelectCounter();
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
