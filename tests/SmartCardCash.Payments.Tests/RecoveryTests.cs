
namespace SmartCardCash.Payments.Tests;

/// <summary>Spec 4.7's table, row by row, from cards left as interrupted payments leave them; and abandonment.</summary>
public sealed class RecoveryTests
{
    private readonly PaymentWorld _world = new();
    private readonly TestCard _alice;
    private readonly TestCard _bob;

    public RecoveryTests()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        _alice = _world.Customer("alice", 10_000, bank);
        _bob = _world.Customer("bob");
    }

    private (PurseSnapshot Payer, PurseSnapshot Payee) Settled(PaymentOutcome outcome)
    {
        PurseSnapshot payer = _alice.Read(), payee = _bob.Read();
        Assert.Equal((TransferState.Idle, TransferState.Idle), (payer.State, payee.State));
        Assert.Equal(10_000, Ledger.Accounted([payer, payee]));
        OutcomeAudit.AssertTrue(outcome, payer, payee, 10_000, 0);
        Assert.Equal(PaymentOutcomeKind.NothingToRecover, _world.Coordinator.Recover(_alice.Purse, _bob.Purse).Kind);
        return (payer, payee);
    }

    [Fact]
    public void Payer_epa_and_payee_epv_resume_the_payers_val_and_complete()
    {
        PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Val);
        int payerApdus = _alice.Channel.Sent.Count;

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Equal("Finished the interrupted payment: EUR 12.50 from alice to bob is complete.", outcome.Summary);
        Assert.Contains(outcome.Recovery, r => r.StartsWith("RESUME on alice gave its val; VAL to bob and ACK to alice", StringComparison.Ordinal));
        Assert.Contains(_alice.Channel.Sent.Skip(payerApdus), c => c[1] == PurseInstruction.Resume);
        Assert.DoesNotContain(_alice.Channel.Sent.Skip(payerApdus), c => c[1] == PurseInstruction.Abort);
        Assert.Equal((8_750u, 1_250u), (Settled(outcome).Payer.Balance, _bob.Balance()));
    }

    [Fact]
    public void Payer_epa_and_payee_credited_resume_the_payees_ack()
    {
        PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Ack);

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Contains(outcome.Recovery, r => r.StartsWith("RESUME on bob gave its ack; ACK to alice", StringComparison.Ordinal));
        Assert.True(Settled(outcome).Payer.Sent(outcome.Payment!.Details));
    }

    [Fact]
    public void Payer_epr_and_payee_epv_resume_the_payees_req_and_complete()
    {
        PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Req);

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Contains(outcome.Recovery, r => r.StartsWith("RESUME on bob gave its req; REQ to alice", StringComparison.Ordinal));
        Assert.Equal(1_250u, Settled(outcome).Payee.Balance);
    }

    [Fact]
    public void Payer_epr_alone_is_aborted_without_a_log_nothing_was_debited()
    {
        PaymentDetails pd = PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.StartTo);

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);

        Assert.Equal(PaymentOutcomeKind.NotStarted, outcome.Kind);
        Assert.Null(outcome.Refusal);
        Assert.StartsWith("Nothing to finish: alice was never debited", outcome.Summary);
        Assert.Empty(Settled(outcome).Payer.Exceptions!);
        Assert.Equal(pd, outcome.Payment!.Details);
    }

    [Fact]
    public void Payer_epa_with_a_payee_that_aborted_is_aborted_and_the_value_logged_for_the_bank()
    {
        PaymentDetails pd = PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Val);
        _bob.Purse.Select();
        _bob.Purse.Abort();   // bob gave up waiting: reason 02

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);

        Assert.Equal(PaymentOutcomeKind.ValueLogged, outcome.Kind);
        Assert.Equal((PaymentRemedy.BankSettles, ValueLocation.PayerExceptionLog), (outcome.Remedy, outcome.Value));
        Assert.Contains("EUR 12.50 is in alice's exception log (reason 01), not with bob", outcome.Summary);
        (PurseSnapshot payer, PurseSnapshot payee) = Settled(outcome);
        Assert.True(payer.Logged(pd, ExceptionReason.PayerAbortedInEpa));
        Assert.True(payee.Logged(pd, ExceptionReason.PayeeAbortedInEpv));
    }

    [Fact]
    public void A_payee_that_refuses_the_val_while_waiting_for_it_gets_both_purses_aborted_and_logged()
    {
        TestCard bank = _world.Bank("bank2", 100_000);
        // A relay corrupts every VAL on its way to bob: bob refuses it (6982) and stays in epv.
        _bob.Channel.Rewrite = command =>
        {
            if (command[1] == PurseInstruction.Val)
            {
                command[^3] ^= 0x01;
            }
            return command;
        };

        PaymentOutcome outcome = _world.Pay(_alice, _bob, 1_250);

        Assert.Equal(PaymentOutcomeKind.ValueLogged, outcome.Kind);
        Assert.Contains(outcome.Recovery, r => r.StartsWith("VAL to bob: refused, 6982", StringComparison.Ordinal));
        _bob.Channel.Rewrite = null;
        (PurseSnapshot payer, PurseSnapshot payee) = Settled(outcome);
        Assert.True(payer.Logged(outcome.Payment!.Details, ExceptionReason.PayerAbortedInEpa));
        Assert.True(payee.Logged(outcome.Payment.Details, ExceptionReason.PayeeAbortedInEpv));
        Assert.NotNull(bank);
    }

    [Fact]
    public void Recovering_two_purses_whose_transfers_are_with_others_changes_nothing()
    {
        TestCard carol = _world.Customer("carol");
        PaymentDetails pd = PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Val);
        int payerApdus = _alice.Channel.Sent.Count;

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, carol.Purse);

        Assert.Equal(PaymentOutcomeKind.NothingToRecover, outcome.Kind);
        Assert.Equal(PaymentRemedy.RecoverEarlierTransfer, outcome.Remedy);
        Assert.Contains("alice's unfinished transfer is EUR 12.50", outcome.Summary);
        Assert.DoesNotContain(_alice.Channel.Sent.Skip(payerApdus), c => c[1] is PurseInstruction.Abort or PurseInstruction.Ack);
        Assert.True(_alice.Read().IsIn(TransferState.ExpectingAck, pd));
    }

    [Fact]
    public void Recovery_with_a_card_that_does_not_answer_at_all_says_so()
    {
        PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Val);
        _alice.Remove();
        _bob.Remove();

        var error = Assert.Throws<Iso7816.Errors.CardCommunicationException>(() => _world.Coordinator.Recover(_alice.Purse, _bob.Purse));

        Assert.StartsWith("cannot recover: alice does not answer", error.Message);
    }

    [Fact]
    public void Recovery_with_the_payee_still_missing_leaves_the_value_in_flight()
    {
        PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Val);
        _bob.Remove();

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);

        Assert.Equal(PaymentOutcomeKind.Interrupted, outcome.Kind);
        // Recovery cannot tell whether someone delivered the val to bob meanwhile: it says so.
        Assert.Equal((Certainty.Yes, Certainty.Maybe, ValueLocation.PendingLogOrPayee), (outcome.Debited, outcome.Credited, outcome.Value));
        Assert.Contains("The value is in alice's pending log or already with bob", outcome.Summary);
        Assert.Equal(TransferState.ExpectingAck, _alice.Read().State);
    }

    [Fact]
    public void An_abort_the_payee_does_not_answer_is_reported_against_the_payee()
    {
        PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Req);
        _alice.Purse.Select();
        _alice.Purse.Abort();   // alice gave up in epr (nothing debited, nothing logged); bob still waits in epv
        _bob.Channel.FailAt(3, FaultKind.LoseAnswer);   // after SELECT, GET DATA and RESUME: recovery's ABORT to bob

        PaymentOutcome outcome = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);

        Assert.True(_bob.Channel.Fired);
        Assert.Contains("ABORT to bob: no answer (bob: the answer was lost in transit).", outcome.Recovery);
        Assert.DoesNotContain(outcome.Recovery, r => r.StartsWith("ABORT to alice", StringComparison.Ordinal));
        Assert.Equal(PaymentOutcomeKind.NotStarted, outcome.Kind);
    }

    [Fact]
    public void Abandoning_a_payer_in_epa_logs_the_value_and_a_second_abandon_finds_nothing()
    {
        PaymentDetails pd = PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Val);

        PaymentOutcome outcome = _world.Coordinator.Abandon(_alice.Purse);

        Assert.Equal(PaymentOutcomeKind.ValueLogged, outcome.Kind);
        Assert.Equal(("alice", $"purse {_bob.Id}"), (outcome.Payer.Name, outcome.Payee!.Name));
        Assert.Contains("the amount is now in alice's exception log (reason 01)", outcome.Summary);
        Assert.True(_alice.Read().Logged(pd, ExceptionReason.PayerAbortedInEpa));
        Assert.Equal(PaymentOutcomeKind.NothingToRecover, _world.Coordinator.Abandon(_alice.Purse).Kind);

        // bob still waits (recovery would deliver alice's val: MaybeLostTests); abandoned too, he logs 02 and the payment
        // is definitely lost, counted once; then neither has anything left to recover.
        PaymentOutcome bob = _world.Coordinator.Abandon(_bob.Purse);
        Assert.Contains("with this record it is definitely lost", bob.Summary);
        PurseSnapshot payer = _alice.Read(), payee = _bob.Read();
        Assert.True(payee.Logged(pd, ExceptionReason.PayeeAbortedInEpv));
        Assert.Equal(10_000, Ledger.Accounted([payer, payee]));
        Assert.Equal(PaymentOutcomeKind.NothingToRecover, _world.Coordinator.Recover(_alice.Purse, _bob.Purse).Kind);
    }

    [Fact]
    public void Abandoning_a_payee_in_epv_logs_reason_02_and_an_epr_payer_logs_nothing()
    {
        PaymentDetails pd = PaymentWorld.StartAndStop(_alice, _bob, 1_250, PurseInstruction.Req);

        PaymentOutcome payee = _world.Coordinator.Abandon(_bob.Purse);
        PaymentOutcome payer = _world.Coordinator.Abandon(_alice.Purse);

        Assert.Equal((PaymentOutcomeKind.ValueLogged, ValueLocation.Unknown), (payee.Kind, payee.Value));
        Assert.Equal("bob", payee.Payee!.Name);
        Assert.Contains("Abandoned bob's receipt of EUR 12.50", payee.Summary);
        Assert.Equal(PaymentOutcomeKind.NotStarted, payer.Kind);
        Assert.Contains("nothing had been debited and nothing was logged", payer.Summary);
        Assert.True(_bob.Read().Logged(pd, ExceptionReason.PayeeAbortedInEpv));
        Assert.Empty(_alice.Read().Exceptions!);
    }
}
