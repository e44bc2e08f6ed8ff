namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>RESUME and every row of the table in spec 4.7, between two applet purses.</summary>
public class ResumeTests
{
    private readonly PurseUnderTest _payer = Peers.Loaded(PurseClass.Customer, 10_000, Eur);
    private readonly PurseUnderTest _payee = Issued(PurseClass.Merchant, Eur);

    [Fact]
    public void Payer_in_epa_and_payee_in_epv_the_val_is_resumed_and_the_payment_completes()
    {
        PaymentHost payment = new PaymentHost(_payer, _payee, Eur, 1_000).Start().SendReq();
        byte[] lostVal = payment.Val!.ToData();

        _payer.PowerCycle();
        _payee.PowerCycle();
        ProtectedMessage val = ProtectedMessage.ParseResume(_payer.SendOk(PurseCommands.Resume()));
        Assert.Equal(lostVal, val.ToData());
        ProtectedMessage ack = ProtectedMessage.Parse(MessageType.Ack, _payee.SendOk(PurseCommands.Val(val)));
        _payer.SendOk(PurseCommands.Ack(ack));

        AssertCompleted(1_000);
    }

    [Fact]
    public void Payer_in_epa_and_payee_idle_with_the_ack_pending_the_ack_is_resumed()
    {
        new PaymentHost(_payer, _payee, Eur, 1_000).Start().SendReq().SendVal();

        ProtectedMessage ack = ProtectedMessage.ParseResume(_payee.SendOk(PurseCommands.Resume()));
        Assert.Equal(MessageType.Ack, ack.Type);
        _payer.SendOk(PurseCommands.Ack(ack));

        AssertCompleted(1_000);
    }

    [Fact]
    public void Payer_in_epr_and_payee_in_epv_the_req_is_resumed_and_the_payment_continues()
    {
        PaymentHost payment = new PaymentHost(_payer, _payee, Eur, 1_000).Start();

        ProtectedMessage req = ProtectedMessage.ParseResume(_payee.SendOk(PurseCommands.Resume()));
        Assert.Equal(payment.Req!.ToData(), req.ToData());
        ProtectedMessage val = ProtectedMessage.Parse(MessageType.Val, _payer.SendOk(PurseCommands.Req(req)));
        ProtectedMessage ack = ProtectedMessage.Parse(MessageType.Ack, _payee.SendOk(PurseCommands.Val(val)));
        _payer.SendOk(PurseCommands.Ack(ack));

        AssertCompleted(1_000);
    }

    [Fact]
    public void Payer_in_epr_and_payee_elsewhere_the_payer_aborts_and_logs_nothing()
    {
        new PaymentHost(_payer, _payee, Eur, 1_000).Start();
        _payee.SendOk(PurseCommands.Abort());

        _payer.SendOk(PurseCommands.Abort());

        Assert.Equal(0, _payer.Status().ExceptionLogCount);
        Assert.Equal(10_000u, _payer.Balance(Eur));
        Assert.Equal(0u, _payee.Balance(Eur));
        Assert.Equal(ExceptionReason.PayeeAbortedInEpv, Assert.Single(_payee.ExceptionLog()).Record.Reason);
    }

    [Fact]
    public void Both_idle_with_val_and_ack_pending_the_payment_is_complete()
    {
        PaymentHost payment = PaymentHost.Pay(_payer, _payee, Eur, 1_000);

        ProtectedMessage payerPending = ProtectedMessage.ParseResume(_payer.SendOk(PurseCommands.Resume()));
        ProtectedMessage payeePending = ProtectedMessage.ParseResume(_payee.SendOk(PurseCommands.Resume()));
        Assert.Equal(MessageType.Val, payerPending.Type);
        Assert.Equal(MessageType.Ack, payeePending.Type);
        Assert.Equal(payment.Details, payerPending.Details);
        Assert.Equal(payment.Details, payeePending.Details);
        AssertCompleted(1_000);
    }

    [Fact]
    public void Payer_in_epa_and_payee_unable_to_accept_both_abort_and_the_value_is_in_both_logs()
    {
        PaymentHost payment = new PaymentHost(_payer, _payee, Eur, 1_000).Start().SendReq();

        _payer.SendOk(PurseCommands.Abort());
        _payee.SendOk(PurseCommands.Abort());

        Assert.Equal(new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, payment.Details!), Assert.Single(_payer.ExceptionLog()).Record);
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, payment.Details!), Assert.Single(_payee.ExceptionLog()).Record);
        Assert.Equal(9_000u, _payer.Balance(Eur));
        Assert.Equal(0u, _payee.Balance(Eur));
        // "Definitely lost": the bank refunds from the two signed records; no value was created.
        AssertRefusedWithoutChange(_payee, PurseCommands.Val(payment.Val!), 0x6985);
    }

    [Fact]
    public void RESUME_changes_nothing_and_survives_power_loss()
    {
        new PaymentHost(_payer, _payee, Eur, 1_000).Start().SendReq();
        byte[] before = _payer.Snapshot();
        byte[] first = _payer.SendOk(PurseCommands.Resume());
        _payer.PowerCycle();
        Assert.Equal(first, _payer.SendOk(PurseCommands.Resume()));
        AssertSameMemory(before, _payer.Snapshot());
    }

    [Fact]
    public void RESUME_with_nothing_pending_is_6A88_and_before_issue_6985()
    {
        AssertRefusedWithoutChange(_payee, PurseCommands.Resume(), 0x6A88);
        AssertRefusedWithoutChange(Blank(), PurseCommands.Resume(), 0x6985);
        new PaymentHost(_payer, _payee, Eur, 1_000).Start();
        AssertRefusedWithoutChange(_payer, PurseCommands.Resume(), 0x6A88);
    }

    [Fact]
    public void RESUME_works_in_a_blocked_purse()
    {
        PaymentHost payment = PaymentHost.Pay(_payer, _payee, Eur, 1_000);
        _payee.SendOk(Conformance.TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(_payee.Id, 0)));
        _payee.SendExpect(PurseCommands.Select(), 0x6283);
        Assert.Equal(payment.Ack!.ToData(), ProtectedMessage.ParseResume(_payee.SendOk(PurseCommands.Resume())).ToData());
    }

    private void AssertCompleted(uint value)
    {
        Assert.Equal(10_000u - value, _payer.Balance(Eur));
        Assert.Equal(value, _payee.Balance(Eur));
        Assert.Equal(TransferState.Idle, _payer.Status().TransferState);
        Assert.Equal(TransferState.Idle, _payee.Status().TransferState);
        Assert.Equal(0, _payer.Status().ExceptionLogCount);
        Assert.Equal(0, _payee.Status().ExceptionLogCount);
        _payer.AssertNoInternalErrors();
        _payee.AssertNoInternalErrors();
    }
}
