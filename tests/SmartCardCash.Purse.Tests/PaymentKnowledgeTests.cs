using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Purse.Tests;

/// <summary>The payment driver's knowledge: each transition says exactly what its message or view proves, and a
/// record that claims more than its evidence is refused by the invariants, always.</summary>
public sealed class PaymentKnowledgeTests
{
    private static readonly PurseId Payer = PurseId.Parse("5343430A00000002");
    private static readonly PurseId Payee = PurseId.Parse("5343430A00000003");
    private static readonly PaymentDetails Pd = new(Payer, Payee, Currency.Eur.Code, 1_250, 4, 2, default);
    private static readonly ProtectedMessage Val = new(MessageType.Val, Pd, [0x30, 0x01]);
    private static readonly ProtectedMessage Ack = new(MessageType.Ack, Pd, [0x30, 0x02]);

    [Fact]
    public void A_payment_answered_step_by_step_is_debited_then_credited_then_acknowledged()
    {
        PaymentKnowledge fixedPd = PaymentKnowledge.BeforeStart.Fixed(Pd);
        PaymentKnowledge debited = fixedPd.ReqAnswered(Val);
        PaymentKnowledge credited = debited.ValAnswered(Ack);
        PaymentKnowledge acknowledged = credited.AckAnswered();

        Assert.Equal((Certainty.No, Certainty.No, (bool?)null), (fixedPd.Debited, fixedPd.Credited, fixedPd.PayerHolds));
        Assert.Equal((Certainty.Yes, Certainty.No, (bool?)true), (debited.Debited, debited.Credited, debited.PayerHolds));
        Assert.Equal((Certainty.Yes, Certainty.Yes, (bool?)true), (credited.Debited, credited.Credited, credited.PayerHolds));
        Assert.Equal((true, (bool?)false), (acknowledged.Acknowledged, acknowledged.PayerHolds));
        Assert.Equal(PaymentEvidence.ReqAnswered | PaymentEvidence.ValAnswered | PaymentEvidence.AckAnswered, acknowledged.Evidence);
        Assert.Equal((Val, Ack), (acknowledged.Val, acknowledged.Ack));   // the evidence a completed payment carries
        // Each transition is a new record: the earlier ones still say what was known then.
        Assert.Equal((Certainty.No, false), (PaymentKnowledge.BeforeStart.Debited, credited.Acknowledged));
        Assert.Null(PaymentKnowledge.BeforeStart.Pd);
    }

    [Fact]
    public void A_lost_answer_makes_its_effect_a_maybe_and_a_refused_val_is_remembered()
    {
        PaymentKnowledge fixedPd = PaymentKnowledge.BeforeStart.Fixed(Pd);

        Assert.Equal((Certainty.Maybe, (bool?)null), (fixedPd.ReqLost().Debited, fixedPd.ReqLost().PayerHolds));
        Assert.Equal(Certainty.Maybe, fixedPd.ReqAnswered(Val).ValLost().Credited);
        Assert.Null(fixedPd.ReqAnswered(Val).ValAnswered(Ack).AckLost().PayerHolds);
        Assert.True(fixedPd.ReqAnswered(Val).ValRefusedByPayee().ValRefused);
        Assert.Equal((Certainty.No, Certainty.No), (fixedPd.ReqLost().NotStarted().Debited, fixedPd.ReqLost().NotStarted().Credited));
        PaymentKnowledge aborted = fixedPd.ReqAnswered(Val).PayerAbortedLogging();
        Assert.Equal(((bool?)false, true), (aborted.PayerHolds, aborted.PayerAbortedHere));
    }

    [Fact]
    public void The_first_thing_that_went_wrong_stays_the_cause()
    {
        var first = new PaymentCause(PaymentParty.Payee, "bob", "VAL", "the card was removed", Refused: false);
        var later = new PaymentCause(PaymentParty.Payer, "alice", "ABORT", "refused", Refused: true);

        PaymentKnowledge known = PaymentKnowledge.BeforeStart.Fixed(Pd).WentWrong(first).WentWrong(later);

        Assert.Equal(first, known.Cause);
        Assert.Equal("bob did not answer VAL (the card was removed)", PaymentNarrator.Cause(first));
        Assert.Equal("alice refused ABORT (refused)", PaymentNarrator.Cause(later));
    }

    [Fact]
    public void Cards_seen_in_recovery_prove_the_debit_and_the_credit_and_logs_are_read_only_when_the_states_do_not_tell()
    {
        PaymentKnowledge recovering = PaymentKnowledge.Recovery(Pd);
        int logsRead = 0;
        Certainty Read(Certainty answer)
        {
            logsRead++;
            return answer;
        }

        // Payer epa, payee credited (its ack pending): no log needed.
        PaymentKnowledge seen = recovering.Saw(View(TransferState.ExpectingAck, pending: null), View(TransferState.Idle, MessageType.Ack),
            () => Read(Certainty.No), () => Read(Certainty.No));
        Assert.Equal((Certainty.Yes, Certainty.Yes, (bool?)true, 0), (seen.Debited, seen.Credited, seen.PayerHolds, logsRead));
        Assert.Equal(PaymentEvidence.PayerShowedDebit | PaymentEvidence.PayeeShowedCredit, seen.Evidence);

        // Payer idle after the debit with a "sent" record, payee out of reach: the record proves debit, credit and ack.
        PaymentKnowledge sent = recovering.Saw(View(TransferState.Idle, MessageType.Val), PurseView.Unreachable("removed"),
            () => Read(Certainty.No), () => Read(Certainty.Yes));
        Assert.Equal((Certainty.Yes, Certainty.Yes, true, (bool?)false, 1), (sent.Debited, sent.Credited, sent.Acknowledged, sent.PayerHolds, logsRead));

        // Payer still in epr: never debited; payee moved on and its log cannot be read: credit unknown.
        PaymentKnowledge epr = recovering.Saw(View(TransferState.ExpectingReq, pending: null, nextSequence: 5),
            View(TransferState.Idle, pending: null, nextSequence: 9, pd: null), () => Read(Certainty.Maybe), () => Read(Certainty.Yes));
        Assert.Equal((Certainty.No, Certainty.Maybe, (bool?)false, 2), (epr.Debited, epr.Credited, epr.PayerHolds, logsRead));
        Assert.False(epr.PayeeLastSeen!.Holds(Pd));
    }

    [Fact]
    public void Recovery_looks_only_at_a_payment_some_purse_fixed()
    {
        Assert.Throws<PaymentInvariantException>(() => PaymentKnowledge.BeforeStart.Saw(PurseView.Unreachable("x"),
            PurseView.Unreachable("y"), () => Certainty.No, () => Certainty.No));
    }

    [Theory]
    [InlineData(nameof(PaymentKnowledge.Debited), Certainty.Yes, "debited without REQ answered")]
    [InlineData(nameof(PaymentKnowledge.Credited), Certainty.Yes, "credited without VAL answered")]
    [InlineData(nameof(PaymentKnowledge.Acknowledged), true, "acknowledged but not credited")]
    [InlineData(nameof(PaymentKnowledge.PayerHolds), true, "the payer holds the value but was not debited")]
    public void Knowledge_that_claims_more_than_its_evidence_is_refused(string property, object claim, string message)
    {
        // As a transition that forgot its evidence would leave it.
        PaymentKnowledge broken = PaymentKnowledge.BeforeStart.Fixed(Pd);
        typeof(PaymentKnowledge).GetProperty(property)!.SetValue(broken, claim);

        var error = Assert.Throws<PaymentInvariantException>(broken.Checked);

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Evidence_of_other_payment_details_or_of_a_payment_the_payee_did_not_take_is_refused()
    {
        var other = new PaymentDetails(Payer, Payee, Currency.Eur.Code, 1_251, 4, 2, default);
        PaymentKnowledge fixedPd = PaymentKnowledge.BeforeStart.Fixed(Pd);

        Assert.Contains("a val that is not the payer's val of these payment details",
            Assert.Throws<PaymentInvariantException>(() => fixedPd.ReqAnswered(new ProtectedMessage(MessageType.Val, other, [0x30]))).Message);
        Assert.Contains("an ack that is not the payee's ack",
            Assert.Throws<PaymentInvariantException>(() => fixedPd.ReqAnswered(Val).ValAnswered(Val)).Message);
        var interrupted = new PaymentOutcome
        {
            Kind = PaymentOutcomeKind.Interrupted,
            Summary = "-",
            Payment = new PaymentSummary(Pd),
            Payer = new PurseReport("alice", Payer, TransferState.ExpectingAck, reachable: true),
            Debited = Certainty.Yes,
            Credited = Certainty.Maybe,
            Value = ValueLocation.PendingLogOrPayee,
            Remedy = PaymentRemedy.RecoverOrAbandon,
            SignedPayment = new SignedPayment(Val),
        };
        Assert.Contains("evidence of a payment the payee did not take", Assert.Throws<PaymentInvariantException>(interrupted.Checked).Message);
    }

    [Fact]
    public void Value_in_motion_needs_payment_details()
    {
        PaymentKnowledge broken = PaymentKnowledge.BeforeStart.Fixed(Pd).ReqLost();
        typeof(PaymentKnowledge).GetProperty(nameof(PaymentKnowledge.Pd))!.SetValue(broken, null);

        Assert.Contains("no purse fixed", Assert.Throws<PaymentInvariantException>(broken.Checked).Message);
    }

    [Theory]
    [InlineData(PaymentOutcomeKind.Completed, Certainty.Yes, Certainty.No, ValueLocation.WithPayee, "completed but not credited")]
    [InlineData(PaymentOutcomeKind.NotStarted, Certainty.Maybe, Certainty.No, ValueLocation.WithPayer, "not started but debited")]
    [InlineData(PaymentOutcomeKind.Interrupted, Certainty.No, Certainty.No, ValueLocation.PayerOrPendingLog, "value in flight or logged that never left")]
    [InlineData(PaymentOutcomeKind.ValueLogged, Certainty.Yes, Certainty.Yes, ValueLocation.PayerExceptionLog, "value in flight or logged that never left, or arrived")]
    [InlineData(PaymentOutcomeKind.NothingToRecover, Certainty.No, Certainty.No, ValueLocation.WithPayee, "with the payee but not credited")]
    [InlineData(PaymentOutcomeKind.NothingToRecover, Certainty.Maybe, Certainty.No, ValueLocation.WithPayer, "with the payer but debited")]
    public void An_outcome_that_contradicts_its_certainties_is_refused(PaymentOutcomeKind kind, Certainty debited, Certainty credited,
        ValueLocation where, string message)
    {
        var outcome = new PaymentOutcome
        {
            Kind = kind,
            Summary = "-",
            Payer = new PurseReport("alice", Payer, TransferState.Idle, reachable: true),
            Debited = debited,
            Credited = credited,
            Value = where,
            Remedy = PaymentRemedy.None,
        };

        Assert.Contains(message, Assert.Throws<PaymentInvariantException>(outcome.Checked).Message);
    }

    private static PurseView View(TransferState state, MessageType? pending, uint nextSequence = 5, PaymentDetails? pd = null)
    {
        PaymentDetails details = pd ?? Pd;
        ProtectedMessage? message = pending is { } type ? new ProtectedMessage(type, details, new byte[64]) : null;
        return new PurseView(true, state == TransferState.ExpectingVal ? Payee : Payer, state, nextSequence,
            pd is null && pending is null && state == TransferState.Idle ? null : details, message, null);
    }
}
