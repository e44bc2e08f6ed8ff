namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>
/// Spec 5.0 and 10: a persistent write that cannot be made (full commit buffer, failing memory) answers 6581, the
/// transaction is aborted and the purse is as before the command; a genuine applet fault stays 6F00.
/// </summary>
public class MemoryFailureTests
{
    private FailingMemory? _memory;

    private PurseUnderTest NewPurse()
    {
        var purse = new PurseUnderTest(PurseCard.Create("memory failure", memory: inner => _memory = new FailingMemory(inner)));
        purse.Select();
        Personalise(purse, PurseClass.Customer, NewId(), Eur);
        return purse;
    }

    /// <summary>
    /// Fails the command's 1st, 2nd, … transactional write until it makes them all and succeeds; every failure must
    /// answer 6581 and leave the purse's memory as it was. Returns the number of writes the command makes.
    /// </summary>
    private int FailEveryWriteThenSucceed(PurseUnderTest purse, CommandApdu command, bool asBufferFull)
    {
        for (int failAt = 1; failAt < 100; failAt++)
        {
            byte[] before = purse.Snapshot();
            _memory!.Arm(failAt, asBufferFull);
            ResponseApdu response = purse.Send(command);
            if (response.StatusWord.IsSuccess)
            {
                _memory.Arm(0, asBufferFull);
                return failAt - 1;
            }
            Assert.Equal(0x6581, response.StatusWord.Value);
            Assert.Equal(before, purse.Snapshot());
        }
        throw new InvalidOperationException("the command never succeeded");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_memory_failure_at_any_write_of_VAL_answers_6581_and_changes_nothing(bool asBufferFull)
    {
        PurseUnderTest purse = NewPurse();
        PaymentDetails pd = purse.StartReceiving(Peers.Bank, Eur, 700);

        int writes = FailEveryWriteThenSucceed(purse, PurseCommands.Val(Peers.Bank.Sign(MessageType.Val, pd)), asBufferFull);

        Assert.True(writes >= 3, $"VAL made only {writes} transactional writes");
        Assert.Equal(700u, purse.Balance(Eur));
        Assert.Equal(TransferState.Idle, purse.Status().TransferState);
        Assert.Equal(0, purse.Card.Emulated.AppletFaults);
        Assert.Equal(writes, purse.Card.Emulated.MemoryFailures);
        purse.AssertNoInternalErrors();
    }

    [Fact]
    public void A_memory_failure_in_START_TO_undoes_its_abort_too()
    {
        PurseUnderTest purse = NewPurse();
        purse.StartReceiving(Peers.Bank, Eur, 700);
        uint nextSeq = purse.NextSeq;

        // The abort of the transfer in epv (an exception record) and the new start are one transaction (spec 4.3).
        int writes = FailEveryWriteThenSucceed(purse, PurseCommands.StartTo(Peers.Bank.Id, Eur, 5, 2), asBufferFull: true);

        Assert.True(writes >= 2, $"START TO made only {writes} transactional writes");
        PurseStatus status = purse.Status();
        Assert.Equal(nextSeq + 1, status.NextSequenceNumber);
        Assert.Equal(1, status.ExceptionLogCount);
        purse.AssertNoInternalErrors();
    }
}
