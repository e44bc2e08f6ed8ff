using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Payments.Events;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>Recovery (spec 4.7): look at both cards, take the table's next step, look again.</summary>
internal sealed partial class PaymentDriver
{
    /// <summary>Finishes or settles whatever unfinished transfer the two purses hold with each other (spec 4.7).</summary>
    /// <exception cref="CardCommunicationException">A purse that matters does not answer: there is nothing to go on.</exception>
    public PaymentOutcome Recover()
    {
        PurseView payer = Observe(_payer);
        PurseView payee = Observe(_payee);
        _payer.Id = payer.Id ?? _payer.Id;
        _payee.Id = payee.Id ?? _payee.Id;

        PaymentDetails? pd = null;
        if (payer.Reachable && payer.State is TransferState.ExpectingReq or TransferState.ExpectingAck)
        {
            pd = payer.PdAuth;
        }
        else if (payee.Reachable && payee.State == TransferState.ExpectingVal)
        {
            pd = payee.PdAuth;
        }
        if (pd is null)
        {
            PaymentParticipant? missing = !payer.Reachable ? _payer : !payee.Reachable ? _payee : null;
            if (missing is not null)
            {
                throw new CardCommunicationException(
                    $"cannot recover: {missing.Name} does not answer ({(missing == _payer ? payer : payee).Problem})");
            }
            return NothingInProgress(payer, payee);
        }
        if ((payer.Reachable && payer.Id != pd.From) || (payee.Reachable && payee.Id != pd.To))
        {
            _known = PaymentKnowledge.HeldWithAnother(pd);
            return Finish(new PaymentConclusion(PaymentOutcomeKind.NothingToRecover, OutcomeStory.HeldWithAnother,
                ValueLocation.Unknown, PaymentRemedy.RecoverEarlierTransfer)
            {
                Subject = payer.Reachable && payer.Id == pd.From ? PaymentParty.Payer : PaymentParty.Payee,
            });
        }
        _known = PaymentKnowledge.Recovery(pd);
        _events.Add(new CardsFound(payer, payee));
        return Settle(payer, payee);
    }

    /// <summary>
    /// Observe both purses, take the next step of spec 4.7, act, observe again: until nothing is left to do, a card
    /// that matters is out of reach, or the rounds run out. Then conclude from what the cards said.
    /// </summary>
    private PaymentOutcome Settle(PurseView? firstPayer = null, PurseView? firstPayee = null)
    {
        for (int round = 1; ; round++)
        {
            PurseView payer = round == 1 && firstPayer is not null ? firstPayer : Observe(_payer);
            PurseView payee = round == 1 && firstPayee is not null ? firstPayee : Observe(_payee);
            PaymentDetails pd = _known.Pd!;
            _known = _known.Saw(payer, payee,
                payeeReceived: () => TransactionLogShows(_payee, pd, TransactionRecordType.Received),
                payerSent: () => TransactionLogShows(_payer, pd, TransactionRecordType.Sent));
            RecoveryAction action = NextStep(pd, payer, payee);
            PaymentLog.Decided(_log, round, action);
            if (action is RecoveryAction.None or RecoveryAction.Wait || round > _recoveryRounds)
            {
                if (action == RecoveryAction.Wait)
                {
                    _events.Add(payer.Reachable && payee.Reachable
                        ? new CardsLeft(_payee.AbortRefused ? _payee.Name : _payer.Name, null)
                        : !payer.Reachable ? new CardsLeft(_payer.Name, payer.Problem) : new CardsLeft(_payee.Name, payee.Problem));
                }
                return Conclude();
            }
            Act(action, payer, payee);
        }
    }

    /// <summary>The table's step, less the ABORTs a purse already refused (a payee behind a listener takes none).</summary>
    private RecoveryAction NextStep(PaymentDetails pd, PurseView payer, PurseView payee)
    {
        RecoveryAction action = RecoveryTable.Decide(pd, payer, payee, _known.ValRefused);
        if (action == RecoveryAction.AbortBoth && _payee.AbortRefused)
        {
            action = RecoveryAction.AbortPayerLogging;
        }
        if ((action == RecoveryAction.AbortPayee && _payee.AbortRefused) ||
            (action is RecoveryAction.AbortPayer or RecoveryAction.AbortPayerLogging && _payer.AbortRefused))
        {
            action = RecoveryAction.Wait;
        }
        return action;
    }

    /// <summary>Carries out one step of <see cref="RecoveryTable"/>. A failure ends the step; the next round looks again.</summary>
    private void Act(RecoveryAction action, PurseView payer, PurseView payee)
    {
        switch (action)
        {
            case RecoveryAction.DeliverReq:
                if (DeliverReq(payee.Pending!, "REQ (the payee's req, from RESUME)") is { IsAnswered: true } val &&
                    DeliverValAndAck(val.Value))
                {
                    _events.Add(new PaymentResumed(action));
                }
                break;
            case RecoveryAction.DeliverVal:
                if (DeliverValAndAck(payer.Pending!))
                {
                    _events.Add(new PaymentResumed(action));
                }
                break;
            case RecoveryAction.DeliverLoggedVal:
                if (DeliverVal(payer.Pending!).IsAnswered)
                {
                    _events.Add(new PaymentResumed(action));
                }
                break;
            case RecoveryAction.DeliverAck:
                if (DeliverAck(payee.Pending!, "ACK (the payee's ack, from RESUME)").IsAnswered)
                {
                    _events.Add(new PaymentResumed(action));
                }
                break;
            case RecoveryAction.AbortPayer:
                AbortForCleanup(_payer);
                break;
            case RecoveryAction.AbortPayerLogging:
                AbortLogging(_payer, action);
                break;
            case RecoveryAction.AbortPayee:
                AbortLogging(_payee, action);
                break;
            case RecoveryAction.AbortBoth:
                if (AbortLogging(_payer, action) != AnswerKind.Lost)
                {
                    AbortLogging(_payee, action);
                }
                break;
        }
    }

    private bool DeliverValAndAck(ProtectedMessage val) =>
        DeliverVal(val) is { IsAnswered: true } ack && DeliverAck(ack.Value).IsAnswered;

    /// <summary>Nothing in progress; when their last payment is visible as completed on both, say so.</summary>
    private PaymentOutcome NothingInProgress(PurseView payer, PurseView payee)
    {
        if (payer.Pending is { Type: MessageType.Val } val && payee.HasPending(MessageType.Ack, val.Details))
        {
            _known = PaymentKnowledge.ShownCompleted(val.Details);
            return Finish(new PaymentConclusion(PaymentOutcomeKind.NothingToRecover, OutcomeStory.LastPaymentCompleted,
                ValueLocation.WithPayee, PaymentRemedy.None));
        }
        _known = PaymentKnowledge.NothingInProgress();
        return Finish(new PaymentConclusion(PaymentOutcomeKind.NothingToRecover, OutcomeStory.NothingInProgress,
            ValueLocation.WithPayer, PaymentRemedy.None));
    }
}
