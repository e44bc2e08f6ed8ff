namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>The PRG-126 abort with LogIfNecessary (spec 4.3), through ABORT and through the commands that abort first.</summary>
public class AbortTests
{
    private readonly PurseUnderTest _customer = Peers.Loaded(PurseClass.Customer, 10_000, Eur);

    [Fact]
    public void Aborting_in_idle_changes_nothing()
    {
        byte[] before = _customer.Snapshot();
        _customer.SendOk(PurseCommands.Abort());
        AssertSameMemory(before, _customer.Snapshot());
    }

    [Fact]
    public void Aborting_in_epr_logs_nothing_because_nothing_was_debited()
    {
        PaymentDetails pd = _customer.StartPaying(Peers.Merchant, Eur, 700);
        _customer.SendOk(PurseCommands.Abort());
        PurseStatus status = _customer.Status();
        Assert.Equal(TransferState.Idle, status.TransferState);
        Assert.Equal(0, status.ExceptionLogCount);
        Assert.Equal(10_000u, _customer.Balance(Eur));
        Assert.Equal(pd, _customer.Pending().Details);
    }

    [Fact]
    public void Aborting_in_epv_logs_reason_02_with_pdAuth()
    {
        PaymentDetails pd = _customer.StartReceiving(Peers.Customer, Eur, 300, 12);
        _customer.SendOk(PurseCommands.Abort());
        Assert.Equal(TransferState.Idle, _customer.Status().TransferState);
        ExceptionLogEntry entry = Assert.Single(_customer.ExceptionLog());
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, pd), entry.Record);
        Assert.Equal(10_000u, _customer.Balance(Eur));
    }

    [Fact]
    public void Aborting_in_epa_logs_reason_01_and_the_value_stays_debited()
    {
        PaymentDetails pd = _customer.PayUntilAck(Peers.Merchant, Eur, 300);
        _customer.SendOk(PurseCommands.Abort());
        Assert.Equal(TransferState.Idle, _customer.Status().TransferState);
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, pd), Assert.Single(_customer.ExceptionLog()).Record);
        Assert.Equal(9_700u, _customer.Balance(Eur));
    }

    [Fact]
    public void An_aborted_transfer_can_no_longer_be_completed()
    {
        PaymentDetails pd = _customer.PayUntilAck(Peers.Merchant, Eur, 300);
        _customer.SendOk(PurseCommands.Abort());
        AssertRefusedWithoutChange(_customer, PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, pd)), 0x6985);
    }

    [Fact]
    public void ABORT_with_data_is_6700_and_outside_ISSUED_or_BLOCKED_6985()
    {
        _customer.StartReceiving(Peers.Customer, Eur, 300);
        AssertRefusedWithoutChange(_customer, new CommandApdu(0x80, PurseInstruction.Abort, 0, 0, [0x00]), 0x6700);
        AssertRefusedWithoutChange(Blank(), PurseCommands.Abort(), 0x6985);
    }

    [Fact]
    public void Issuer_commands_abort_in_the_transaction_of_their_effect()
    {
        PaymentDetails pd = _customer.PayUntilAck(Peers.Merchant, Eur, 300);
        _customer.SendOk(Conformance.TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(_customer.Id, 0)));
        PurseStatus status = _customer.Status();
        Assert.Equal(PurseLifecycle.Blocked, status.Lifecycle);
        Assert.Equal(TransferState.Idle, status.TransferState);
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, pd), Assert.Single(_customer.ExceptionLog()).Record);
    }

    [Fact]
    public void A_forged_issuer_command_does_not_abort()
    {
        _customer.PayUntilAck(Peers.Merchant, Eur, 300);
        IssuerAuthorisation deactivate = IssuerAuthorisation.Deactivate(_customer.Id, 0);
        AssertRefusedWithoutChange(_customer, deactivate.ToSignedCommand(Conformance.ConformanceKeys.Stranger.PrivateKey), 0x6982);
        Assert.Equal(TransferState.ExpectingAck, _customer.Status().TransferState);
    }
}
