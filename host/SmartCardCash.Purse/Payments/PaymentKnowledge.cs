using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// What a run knows about one payment's value, learnt from the cards' answers and states, never assumed: whether the
/// payer was debited and the payee credited, whether the payer still holds the value in its pending log, and the
/// evidence for each. Immutable; it changes only through the named transitions below, each of which returns a new
/// record checked against <see cref="PaymentInvariants"/>.
/// </summary>
internal sealed record PaymentKnowledge
{
    /// <summary>Before anything is sent: nothing debited, nothing credited, no payment details.</summary>
    public static PaymentKnowledge BeforeStart { get; } = new();

    /// <summary>The payment details a purse fixed (START FROM), or that recovery found on the cards.</summary>
    public PaymentDetails? Pd { get; private init; }

    public Certainty Debited { get; private init; } = Certainty.No;

    public Certainty Credited { get; private init; } = Certainty.No;

    /// <summary>The payer is in epa for the PD, the value in its pending log; null when that is unknown.</summary>
    public bool? PayerHolds { get; private init; }

    /// <summary>The payer took the ack (ACK answered, or its transaction log says "sent").</summary>
    public bool Acknowledged { get; private init; }

    /// <summary>The payee refused the val: an answer, not a loss.</summary>
    public bool ValRefused { get; private init; }

    public PaymentEvidence Evidence { get; private init; }

    /// <summary>The first command refused or unanswered; null while nothing went wrong.</summary>
    public PaymentCause? Cause { get; private init; }

    /// <summary>Started by recovery: the cards' states, not this run, began the payment.</summary>
    public bool Recovering { get; private init; }

    /// <summary>This run aborted the payer in epa, logging the value (rather than finding it aborted).</summary>
    public bool PayerAbortedHere { get; private init; }

    /// <summary>The payee as recovery last saw it; null before recovery looked.</summary>
    public PurseView? PayeeLastSeen { get; private init; }

    /// <summary>The payer's val for the PD, once REQ answered it or a card's pending log showed it.</summary>
    public ProtectedMessage? Val { get; private init; }

    /// <summary>The payee's ack for the PD, once VAL answered it or the payee's pending log showed it.</summary>
    public ProtectedMessage? Ack { get; private init; }

    /// <summary>A value text for sentences: "EUR 12.50", or "the amount" before any purse fixed it.</summary>
    public string ValueText => Pd is null ? "the amount" : new Money(Pd.Currency, Pd.Value).ToString();

    // ---- The payment's messages ----------------------------------------------------------------------------

    /// <summary>START FROM answered: the payer fixed the payment details.</summary>
    public PaymentKnowledge Fixed(PaymentDetails pd) => (this with { Pd = pd }).Checked();

    /// <summary>REQ answered with the val: the payer was debited and holds the value until ACK.</summary>
    public PaymentKnowledge ReqAnswered(ProtectedMessage val) => (this with
    {
        Val = val,
        Debited = Certainty.Yes,
        PayerHolds = true,
        Evidence = Evidence | PaymentEvidence.ReqAnswered,
    }).Checked();

    /// <summary>REQ's answer lost: the payer may have been debited.</summary>
    public PaymentKnowledge ReqLost() => (this with { Debited = Certainty.Maybe, PayerHolds = null }).Checked();

    /// <summary>VAL answered with the ack: the payee was credited.</summary>
    public PaymentKnowledge ValAnswered(ProtectedMessage ack) => (this with
    {
        Ack = ack,
        Credited = Certainty.Yes,
        Evidence = Evidence | PaymentEvidence.ValAnswered,
    }).Checked();

    /// <summary>VAL's answer lost: the payee may have been credited.</summary>
    public PaymentKnowledge ValLost() => (this with { Credited = Certainty.Maybe }).Checked();

    /// <summary>The payee refused the val (a card's answer): recovery aborts rather than resend it.</summary>
    public PaymentKnowledge ValRefusedByPayee() => (this with { ValRefused = true }).Checked();

    /// <summary>ACK answered: the payer logged the payment as sent and no longer holds the value.</summary>
    public PaymentKnowledge AckAnswered() => (this with
    {
        Acknowledged = true,
        PayerHolds = false,
        Evidence = Evidence | PaymentEvidence.AckAnswered,
    }).Checked();

    /// <summary>ACK's answer lost: whether the payer still holds the value is unknown.</summary>
    public PaymentKnowledge AckLost() => (this with { PayerHolds = null }).Checked();

    /// <summary>The payer was aborted in epa here: the value went to its exception log (reason 01).</summary>
    public PaymentKnowledge PayerAbortedLogging() => (this with { PayerHolds = false, PayerAbortedHere = true }).Checked();

    /// <summary>Keeps the first thing that went wrong; later ones are recovery's business.</summary>
    public PaymentKnowledge WentWrong(PaymentCause cause) => Cause is null ? (this with { Cause = cause }).Checked() : this;

    /// <summary>Refused before the debit: nothing moved.</summary>
    public PaymentKnowledge NotStarted() => (this with { Debited = Certainty.No, Credited = Certainty.No }).Checked();

    // ---- What the cards show -------------------------------------------------------------------------------

    /// <summary>Recovery found <paramref name="pd"/> unfinished on the cards: nothing about it is known until they say.</summary>
    public static PaymentKnowledge Recovery(PaymentDetails pd) => new PaymentKnowledge
    {
        Pd = pd,
        Debited = Certainty.Maybe,
        Credited = Certainty.Maybe,
        Recovering = true,
    }.Checked();

    /// <summary>Nothing in progress on either purse, and no payment to report on.</summary>
    public static PaymentKnowledge NothingInProgress() => BeforeStart;

    /// <summary>Both purses show <paramref name="pd"/> completed: the payer's val and the payee's ack are pending.</summary>
    public static PaymentKnowledge ShownCompleted(PaymentDetails pd) => new PaymentKnowledge
    {
        Pd = pd,
        Debited = Certainty.Yes,
        Credited = Certainty.Yes,
        Evidence = PaymentEvidence.PayerShowedDebit | PaymentEvidence.PayeeShowedCredit,
    }.Checked();

    /// <summary>A purse holds <paramref name="pd"/> with a counterparty that is not here: whether value moved is unknown.</summary>
    public static PaymentKnowledge HeldWithAnother(PaymentDetails pd) =>
        new PaymentKnowledge { Pd = pd, Debited = Certainty.Maybe, Credited = Certainty.Maybe }.Checked();

    /// <summary>A purse's transfer of <paramref name="pd"/> was abandoned in <paramref name="state"/>.</summary>
    public static PaymentKnowledge Abandoned(PaymentDetails pd, TransferState state) => (state switch
    {
        TransferState.ExpectingReq => new PaymentKnowledge { Pd = pd },
        TransferState.ExpectingAck => new PaymentKnowledge
        {
            Pd = pd,
            Debited = Certainty.Yes,
            Credited = Certainty.Maybe,
            Evidence = PaymentEvidence.PayerShowedDebit,
        },
        _ => new PaymentKnowledge { Pd = pd, Debited = Certainty.Maybe },
    }).Checked();

    /// <summary>
    /// What two views of the cards prove about the payment (recovery looks after every step). A transaction log is
    /// read only where the states do not settle it: <paramref name="payeeReceived"/> and <paramref name="payerSent"/>
    /// read them when asked.
    /// </summary>
    public PaymentKnowledge Saw(PurseView payer, PurseView payee, Func<Certainty> payeeReceived, Func<Certainty> payerSent)
    {
        PaymentDetails pd = Pd ?? throw new PaymentInvariantException("recovery looked at the cards for no payment details");
        PaymentKnowledge known = this with
        {
            PayeeLastSeen = payee,
            Val = payer.HasPending(MessageType.Val, pd) ? payer.Pending : Val,
            Ack = payee.HasPending(MessageType.Ack, pd) ? payee.Pending : Ack,
        };
        if (payee.Reachable)
        {
            Certainty credited =
                payee.HasPending(MessageType.Ack, pd) ? Certainty.Yes :                              // VAL wrote the ack with the credit
                payee.Holds(pd) || payee.NeverStarted(pd, asPayer: false) ? Certainty.No :          // epv, aborted in epv, or never started
                payeeReceived();                                                                     // moved on since: its log tells
            known = credited == Certainty.Yes
                ? known with { Credited = credited, Evidence = known.Evidence | PaymentEvidence.PayeeShowedCredit }
                : known with { Credited = credited, Acknowledged = false };                         // an ack needs the credit
        }
        if (payer.Reachable)
        {
            if (payer.IsIn(TransferState.ExpectingAck, pd))
            {
                known = known with
                {
                    Debited = Certainty.Yes,
                    PayerHolds = true,
                    Acknowledged = false,
                    Evidence = known.Evidence | PaymentEvidence.PayerShowedDebit,
                };
            }
            else if (payer.IsIn(TransferState.ExpectingReq, pd) || payer.NeverStarted(pd, asPayer: true) ||
                     (payer.Holds(pd) && !payer.HasPending(MessageType.Val, pd)))
            {
                known = known with { Debited = Certainty.No, PayerHolds = false };   // epr, never started, or aborted in epr
            }
            else if (payerSent() == Certainty.Yes)
            {
                // It took the ack, which only the payee's credit makes.
                known = known with
                {
                    Debited = Certainty.Yes,
                    Credited = Certainty.Yes,
                    PayerHolds = false,
                    Acknowledged = true,
                    Evidence = known.Evidence | PaymentEvidence.PayerShowedDebit | PaymentEvidence.PayerShowedAck,
                };
            }
            else
            {
                // Idle again after the debit (its pending val shows it) or moved on: it aborted and logged the value
                // (reason 01), or its log no longer says.
                bool debitShown = payer.HasPending(MessageType.Val, pd);
                known = known with
                {
                    Debited = debitShown ? Certainty.Yes : known.Debited == Certainty.No ? Certainty.No : Certainty.Maybe,
                    PayerHolds = false,
                    Acknowledged = false,
                    Evidence = known.Evidence | (debitShown ? PaymentEvidence.PayerShowedDebit : PaymentEvidence.None),
                };
            }
        }
        return known.Checked();
    }
}
