using Microsoft.Extensions.Logging;
using SmartCardCash.Purse.Payments.Events;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// Drives one payment, recovery or abandonment between two purses: the protocol of spec 4.2 with the fewest APDUs it
/// allows, and spec 4.7's recovery wherever an answer is refused or lost.
/// </summary>
/// <remarks>
/// <para>The driver sends; it neither guesses nor writes prose. Every command goes through <see cref="Send{T}"/>, which
/// classifies the answer (<see cref="AnswerKind"/>) and records what went wrong as an event. What the answers prove
/// about the value is <see cref="PaymentKnowledge"/>, changed by named transitions and asserted after each one;
/// <see cref="OutcomeTable"/> decides the outcome from it and <see cref="PaymentNarrator"/> words it.</para>
/// <code>
///  introduce  SELECT payer, SELECT payee          (FCI: IDs, lifecycles, transfer states, payee's nextSeq)
///             GET DATA certificate ×2              host checks: trusted issuer, expiry, hotlist, classes, currency, idle
///             VERIFY CERTIFICATE ×2 [VERIFY LOCK CODE]
///  start      START FROM (payer: epr)  → PD        refused: not started (nothing debited)
///             START TO   (payee: epv)  → req       refused: abort payer (epr, nothing logged), not started
///  transfer   REQ (payer: debited, epa) → val      refused: abort both, not started
///             VAL (payee: credited)     → ack
///             ACK (payer: idle)                    completed
/// </code>
/// <para>Any command whose answer is lost (card removed, reader gone, connection dropped, timeout), or that a purse
/// refuses after START TO, sends the run to <see cref="Settle"/>: it asks both cards what they hold (SELECT, GET DATA
/// pending transfer, RESUME), takes the next step from spec 4.7's table (<see cref="RecoveryTable"/>), acts, and asks
/// again, a bounded number of rounds. <see cref="Recover"/> is the same loop, started from the cards' own states.</para>
/// </remarks>
internal sealed partial class PaymentDriver
{
    private readonly PaymentParticipant _payer;
    private readonly PaymentParticipant _payee;
    private readonly ILogger _log;
    private readonly int _reachAttempts;
    private readonly int _recoveryRounds;
    private readonly List<PaymentEvent> _events = [];
    private PaymentKnowledge _known = PaymentKnowledge.BeforeStart;

    public PaymentDriver(PaymentParticipant payer, PaymentParticipant payee, ILogger logger, int reachAttempts, int recoveryRounds)
    {
        _payer = payer;
        _payee = payee;
        _log = logger;
        _reachAttempts = Math.Max(1, reachAttempts);
        _recoveryRounds = Math.Max(1, recoveryRounds);
    }

    /// <summary>Spec 4.2, top to bottom.</summary>
    public PaymentOutcome Pay(PaymentRequest request, PaymentPolicy policy)
    {
        // The terminal introduces the purses to each other and checks them; nothing on either purse changes.
        PaymentIntroduction intro;
        try
        {
            intro = Introduce(request, policy);
        }
        catch (PaymentRefusedException e)
        {
            return NotStarted(e.Refusal);
        }

        // START FROM: the payer fixes the payment details (aborting an unfinished transfer first, spec 4.3).
        CardAnswer<PaymentDetails> startFrom = Send(_payer, "START FROM",
            card => card.StartFrom(intro.PayeeId, request.Amount, intro.PayeeSequence, request.OrderDigest.Span));
        NoteForcedAbort(_payer, intro.PayerUnfinished, certain: startFrom.Kind != AnswerKind.Lost);
        switch (startFrom.Kind)
        {
            case AnswerKind.Refused:
                return NotStarted(RefusedBy(_payer, startFrom));
            case AnswerKind.Lost:
                return AfterLostStartFrom();
        }
        PaymentDetails pd = startFrom.Value;
        _payer.State = TransferState.ExpectingReq;
        _known = _known.Fixed(pd);
        if (!intro.Describes(pd, request))
        {
            AbortForCleanup(_payer);
            return NotStarted(new PaymentRefusal(PaymentParty.Payer, RefusalReason.MessageTampered,
                PaymentNarrator.TamperedStartFrom(_payer.Name, pd)));
        }

        // START TO: the payee agrees to the same payment details and signs its req.
        CardAnswer<ProtectedMessage> req = Send(_payee, "START TO",
            card => card.StartTo(intro.PayerId, new Money(pd.Currency, pd.Value), pd.FromSeq, pd.OrderDigest.Span));
        NoteForcedAbort(_payee, intro.PayeeUnfinished, certain: req.Kind != AnswerKind.Lost);
        switch (req.Kind)
        {
            case AnswerKind.Refused:
                AbortForCleanup(_payer);
                return NotStarted(RefusedBy(_payee, req));
            case AnswerKind.Lost:
                return Settle();
        }
        _payee.State = TransferState.ExpectingVal;
        if (!req.Value.Details.Equals(pd))
        {
            AbortForCleanup(_payer);
            AbortForCleanup(_payee);
            return NotStarted(new PaymentRefusal(PaymentParty.Payee, RefusalReason.MessageTampered,
                PaymentNarrator.TamperedStartTo(_payee.Name, req.Value.Details)));
        }

        // REQ: the payer checks the payee's signature and is debited. A refused REQ changes nothing (spec 4.3).
        CardAnswer<ProtectedMessage> val = DeliverReq(req.Value);
        switch (val.Kind)
        {
            case AnswerKind.Refused:
                AbortForCleanup(_payer);
                AbortForCleanup(_payee);
                return NotStarted(RefusedBy(_payer, val));
            case AnswerKind.Lost:
                return Settle();
        }

        // VAL: the payee checks the payer's signature and is credited.
        CardAnswer<ProtectedMessage> ack = DeliverVal(val.Value);
        if (!ack.IsAnswered)
        {
            return Settle();
        }

        // ACK: the payer logs the payment as sent and is idle again.
        return DeliverAck(ack.Value).IsAnswered ? Conclude() : Settle();
    }

    /// <summary>
    /// Nothing can have been debited before START FROM answered, but the payer may have started (epr): abort it if it
    /// did, which logs nothing.
    /// </summary>
    private PaymentOutcome AfterLostStartFrom()
    {
        PurseView payer = Observe(_payer);
        if (payer.Reachable && payer.State == TransferState.ExpectingReq)
        {
            AbortForCleanup(_payer);
        }
        else if (!payer.Reachable)
        {
            _events.Add(new StartLeftUnanswered(_payer.Name));
        }
        return Conclude();
    }

    // ---- The protocol messages: each changes what is known the same way, in a payment and in its recovery -----

    private CardAnswer<ProtectedMessage> DeliverReq(ProtectedMessage req, string? logAs = null) =>
        Delivered(_payer, Send(_payer, "REQ", card => card.Req(req), logAs), TransferState.ExpectingAck,
            answered: (known, val) => known.ReqAnswered(val), lost: known => known.ReqLost());

    private CardAnswer<ProtectedMessage> DeliverVal(ProtectedMessage val) =>
        Delivered(_payee, Send(_payee, "VAL", card => card.Val(val)), TransferState.Idle,
            answered: (known, ack) => known.ValAnswered(ack), lost: known => known.ValLost(), refused: known => known.ValRefusedByPayee());

    private CardAnswer<bool> DeliverAck(ProtectedMessage ack, string? logAs = null) =>
        Delivered(_payer, Send(_payer, "ACK", card => card.Ack(ack), logAs), TransferState.Idle,
            answered: (known, _) => known.AckAnswered(), lost: known => known.AckLost());

    /// <summary>What a protocol message's answer proves: the purse's state after it, and the knowledge's transition.</summary>
    private CardAnswer<T> Delivered<T>(PaymentParticipant party, CardAnswer<T> answer, TransferState after,
        Func<PaymentKnowledge, T, PaymentKnowledge> answered, Func<PaymentKnowledge, PaymentKnowledge> lost,
        Func<PaymentKnowledge, PaymentKnowledge>? refused = null)
    {
        if (answer.IsAnswered)
        {
            party.State = after;
        }
        _known = answer.Kind switch
        {
            AnswerKind.Answered => answered(_known, answer.Value),
            AnswerKind.Lost => lost(_known),
            _ => refused?.Invoke(_known) ?? _known,
        };
        return answer;
    }

    private void NoteForcedAbort(PaymentParticipant party, PendingTransfer? unfinished, bool certain)
    {
        if (unfinished is not null)
        {
            _events.Add(new ForcedAbort(party.Name, unfinished, certain));
        }
    }

    // ---- Outcomes -----------------------------------------------------------------------------------------------

    /// <summary>The outcome the knowledge calls for (<see cref="OutcomeTable"/>), logged.</summary>
    private PaymentOutcome Conclude() => Logged(Finish(OutcomeTable.Conclude(_known)));

    private PaymentOutcome NotStarted(PaymentRefusal refusal)
    {
        _known = _known.NotStarted();
        return Logged(Finish(OutcomeTable.Refused(refusal)));
    }

    private static PaymentRefusal RefusedBy<T>(PaymentParticipant party, CardAnswer<T> answer) =>
        new(party.Role, RefusalReason.RefusedByCard, OneLine(answer.Refusal!.Message), answer.Refusal.StatusWord.ToString());

    /// <summary>The outcome, its words from the narrator and its certainties from the knowledge; checked.</summary>
    private PaymentOutcome Finish(PaymentConclusion conclusion, PurseReport? payer = null, PurseReport? payee = null)
    {
        PaymentNarration words = new PaymentNarrator(_payer.Name, _payee.Name).Tell(conclusion, _known, _events);
        return new PaymentOutcome
        {
            Kind = conclusion.Kind,
            Summary = words.Summary,
            Payment = _known.Pd is { } pd ? new PaymentSummary(pd) : null,
            Payer = payer ?? _payer.Report(),
            Payee = payee ?? _payee.Report(),
            Debited = _known.Debited,
            Credited = _known.Credited,
            Value = conclusion.Value,
            Refusal = conclusion.Refusal,
            SideEffects = words.SideEffects,
            Recovery = words.Recovery,
            Remedy = conclusion.Remedy,
            SignedPayment = conclusion.Kind is PaymentOutcomeKind.Completed or PaymentOutcomeKind.CompletedAwaitingAcknowledgement &&
                _known.Val is { } val ? new SignedPayment(val, _known.Ack, _payer.Certificate) : null,
        }.Checked();
    }

    private PaymentOutcome Logged(PaymentOutcome outcome)
    {
        PaymentLog.Concluded(_log, outcome.Kind, outcome.Summary);
        return outcome;
    }
}
