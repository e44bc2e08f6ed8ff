namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>READ LOG (spec 5.15): the transaction log read-only, the exception log signed and aborting first.</summary>
public class ReadLogTests
{
    private readonly PurseUnderTest _customer = Peers.Loaded(PurseClass.Customer, 10_000, Eur);

    [Fact]
    public void The_transaction_log_reads_most_recent_first_and_keeps_the_last_ten()
    {
        var sent = new List<PaymentDetails>();
        for (uint i = 1; i <= 11; i++)
        {
            sent.Add(_customer.Pay(Peers.Merchant, Eur, i, 100 + i));
        }
        Assert.Equal(10, _customer.Status().TransactionLogCount);
        for (int index = 0; index < 10; index++)
        {
            TransactionLogEntry entry = PurseResponses.ParseTransactionLogEntry(
                _customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Transactions, (byte)index)));
            Assert.Equal(index, entry.Index);
            Assert.Equal(sent[10 - index], entry.Record.Details);
            Assert.Equal(TransactionRecordType.Sent, entry.Record.Type);
        }
        AssertRefusedWithoutChange(_customer, PurseCommands.ReadLog(PurseLogKind.Transactions, 10), 0x6A83);
    }

    [Fact]
    public void Reading_the_transaction_log_does_not_abort()
    {
        _customer.StartReceiving(Peers.Bank, Eur, 10, 5);
        byte[] before = _customer.Snapshot();
        _customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Transactions, 0));
        AssertSameMemory(before, _customer.Snapshot());
        Assert.Equal(TransferState.ExpectingVal, _customer.Status().TransferState);
    }

    [Fact]
    public void Exception_records_come_oldest_first_signed_by_the_purse()
    {
        PaymentDetails first = _customer.StartReceiving(Peers.Bank, Eur, 10, 5);
        _customer.SendOk(PurseCommands.Abort());
        PaymentDetails second = _customer.PayUntilAck(Peers.Merchant, Eur, 20);
        _customer.SendOk(PurseCommands.Abort());

        byte[] response = _customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Exceptions, 0));
        ExceptionLogEntry oldest = PurseResponses.ParseExceptionLogEntry(response);
        Assert.Equal("8F0100C340", Hex.Encode(response.AsSpan(0, 5)));
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, first), oldest.Record);
        Assert.True(oldest.Verify(_customer.Id, _customer.PublicKey));
        ExceptionLogEntry newest = PurseResponses.ParseExceptionLogEntry(_customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Exceptions, 1)));
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, second), newest.Record);
        Assert.True(newest.Verify(_customer.Id, _customer.PublicKey));
        Assert.False(newest.Verify(Peers.Merchant.Id, _customer.PublicKey));
        AssertRefusedWithoutChange(_customer, PurseCommands.ReadLog(PurseLogKind.Exceptions, 2), 0x6A83);
    }

    [Fact]
    public void Reading_the_exception_log_aborts_first_and_the_abort_stands_without_a_record()
    {
        PaymentDetails pd = _customer.StartReceiving(Peers.Bank, Eur, 10, 5);
        _customer.SendExpect(PurseCommands.ReadLog(PurseLogKind.Exceptions, 1), 0x6A83);
        Assert.Equal(TransferState.Idle, _customer.Status().TransferState);
        ExceptionLogEntry entry = PurseResponses.ParseExceptionLogEntry(_customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Exceptions, 0)));
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, pd), entry.Record);
    }

    [Fact]
    public void READ_LOG_with_another_P2_is_6A86_and_before_issue_6985()
    {
        AssertRefusedWithoutChange(_customer, new CommandApdu(0x80, PurseInstruction.ReadLog, 0, 3, default, 256), 0x6A86);
        AssertRefusedWithoutChange(Blank(), PurseCommands.ReadLog(PurseLogKind.Transactions, 0), 0x6985);
        AssertRefusedWithoutChange(Blank(), PurseCommands.ReadLog(PurseLogKind.Exceptions, 0), 0x6985);
    }

    [Fact]
    public void A_blocked_purse_can_still_be_read()
    {
        _customer.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(_customer.Id, 0)));
        _customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Transactions, 0));
        _customer.SendExpect(PurseCommands.ReadLog(PurseLogKind.Exceptions, 0), 0x6A83);
    }
}
