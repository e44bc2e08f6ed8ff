using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class PowerLossTests
{
    [Fact]
    public void A_tear_makes_the_card_removed_until_power_up_which_recovers()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log);
        card.PowerOnAndSelectCounter();
        card.Send("8010020000");
        card.Tearing = TearingPlan.AtWrite(5); // inside the apply phase of a 4-entry transaction

        CardRemovedException removed = Assert.Throws<CardRemovedException>(() => card.Send("8010020000"));
        Assert.IsType<PowerLossException>(removed.InnerException);
        Assert.False(card.IsPowered);
        Assert.Throws<CardRemovedException>(() => card.Send("8020000000"));
        Assert.Equal(0, log.Count("deselect")); // no power, no deselect

        card.PowerOnAndSelectCounter();
        Assert.Equal((2u, 2u), card.ReadCounters());
    }

    [Fact]
    public void Tearing_at_every_write_of_a_command_leaves_the_card_before_or_after_it()
    {
        EmulatedCard card = TestCards.NewCounterCard(new ProbeLog());
        card.PowerOnAndSelectCounter();
        card.Send("8010030000");
        card.PowerOff();
        NvmSnapshot before = card.SnapshotNvm();

        card.PowerOnAndSelectCounter();
        long start = card.PersistentWriteCount;
        Assert.Equal(StatusWord.Success, card.Send("8010030000").StatusWord);
        int writes = (int)(card.PersistentWriteCount - start);
        Assert.Equal(2 * 5 + 2, writes); // A, three history slots and B: 5 journal entries
        card.PowerOff();

        var outcomes = new HashSet<uint>();
        for (int tear = 0; tear < writes; tear++)
        {
            card.RestoreNvm(before);
            card.PowerOnAndSelectCounter();
            card.Tearing = TearingPlan.AtWrite(tear);
            Assert.Throws<CardRemovedException>(() => card.Send("8010030000"));
            card.Tearing = TearingPlan.Never;
            card.PowerOnAndSelectCounter();
            (uint a, uint b) = card.ReadCounters();
            Assert.Equal(a, b);
            Assert.Equal(tear > 5 ? 2u : 1u, a); // write 5 is the commit record
            outcomes.Add(a);
            card.PowerOff();
        }
        Assert.Equal([1u, 2u], outcomes.Order());
    }

    [Fact]
    public void Power_loss_during_recovery_fails_power_on_and_the_next_one_recovers()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log);
        card.PowerOnAndSelectCounter();
        card.Tearing = TearingPlan.AtWrite(7); // after the commit record of a 5-entry transaction
        Assert.Throws<CardRemovedException>(() => card.Send("8010030000"));
        Assert.True(card.Memory.HasCommittedJournal);

        card.Tearing = TearingPlan.AtWrite(1, bytesWritten: 1);
        Assert.Throws<CardRemovedException>(() => card.PowerOn());
        Assert.False(card.IsPowered);

        card.Tearing = TearingPlan.Never;
        card.PowerOnAndSelectCounter();
        Assert.Equal((1u, 1u), card.ReadCounters());
    }

    [Fact]
    public void An_applet_that_swallows_the_power_loss_still_loses_power()
    {
        EmulatedCard card = TestCards.NewCounterCard(new ProbeLog());
        card.PowerOnAndSelectCounter();
        card.Tearing = TearingPlan.AtWrite(0);
        Assert.Throws<CardRemovedException>(() => card.Send("8030060000"));
        Assert.False(card.IsPowered);
    }

    [Fact]
    public void A_tear_during_deselect_at_power_off_leaves_the_card_unpowered_without_throwing()
    {
        var log = new ProbeLog { WriteInDeselect = true };
        EmulatedCard card = TestCards.NewCounterCard(log);
        card.PowerOnAndSelectCounter();
        card.Tearing = TearingPlan.AtWrite(0);
        card.PowerOff();
        Assert.False(card.IsPowered);
        Assert.Equal(1, log.Count("deselect"));
    }

    [Fact]
    public void Restoring_a_snapshot_needs_an_unpowered_card_with_the_same_applets()
    {
        var log = new ProbeLog();
        EmulatedCard card = TestCards.NewCounterCard(log);
        NvmSnapshot snapshot = card.SnapshotNvm();
        card.PowerOn();
        Assert.Throws<InvalidOperationException>(() => card.RestoreNvm(snapshot));
        card.PowerOff();
        card.Install(EchoApplet.Aid, EchoApplet.TypeName, EchoApplet.Factory(log), 8);
        Assert.Throws<InvalidOperationException>(() => card.RestoreNvm(snapshot));
    }

    [Fact]
    public void An_unpowered_card_refuses_commands_with_card_removed()
    {
        var card = new EmulatedCard();
        Assert.Throws<CardRemovedException>(() => card.Transmit(Hex.Decode("00A4040000")));
    }
}
