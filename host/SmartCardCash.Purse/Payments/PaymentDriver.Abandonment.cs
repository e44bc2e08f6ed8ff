using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>Abandonment: one purse gives up its transfer in progress, logging it where value was in flight.</summary>
internal sealed partial class PaymentDriver
{
    /// <summary>Aborts the one purse's transfer in progress (in <c>_payer</c>'s slot), logging it where value was in flight.</summary>
    /// <exception cref="SmartCardException">The purse does not answer, or answers ABORT with an error every time.</exception>
    public PaymentOutcome Abandon()
    {
        PaymentParticipant purse = _payer;
        PurseView view = Observe(purse);
        if (!view.Reachable)
        {
            throw new CardCommunicationException($"cannot abandon: {purse.Name} does not answer ({view.Problem})");
        }
        if (view.State == TransferState.Idle || view.PdAuth is null)
        {
            return Finish(new PaymentConclusion(PaymentOutcomeKind.NothingToRecover, OutcomeStory.NothingToAbandon,
                ValueLocation.WithPayer, PaymentRemedy.None));
        }
        PaymentDetails pd = view.PdAuth;
        TransferState state = view.State!.Value;
        AbortUntilIdle(purse);

        _known = PaymentKnowledge.Abandoned(pd, state);
        PurseReport report = purse.Report();
        return state switch
        {
            TransferState.ExpectingReq => Finish(new PaymentConclusion(PaymentOutcomeKind.NotStarted, OutcomeStory.AbandonedInEpr,
                ValueLocation.WithPayer, PaymentRemedy.None), payer: report, payee: Stranger(pd.To)),
            TransferState.ExpectingAck => Finish(new PaymentConclusion(PaymentOutcomeKind.ValueLogged, OutcomeStory.AbandonedInEpa,
                ValueLocation.PayerExceptionLog, PaymentRemedy.BankSettles), payer: report, payee: Stranger(pd.To)),
            _ => Finish(new PaymentConclusion(PaymentOutcomeKind.ValueLogged, OutcomeStory.AbandonedInEpv,
                ValueLocation.Unknown, PaymentRemedy.BankSettles), payer: Stranger(pd.From), payee: report),
        };
    }

    /// <summary>
    /// ABORT, asked again while attempts remain and the purse is not seen idle since; the last failure is thrown.
    /// </summary>
    private void AbortUntilIdle(PaymentParticipant purse)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                PaymentLog.Sending(_log, purse.Name, "ABORT");
                purse.Card.Abort();
                purse.State = TransferState.Idle;
                return;
            }
            catch (SmartCardException e) when (attempt < _reachAttempts)
            {
                Lost(purse, "ABORT", e);
                PurseView again = Observe(purse);
                if (again.Reachable && again.State == TransferState.Idle)
                {
                    return;
                }
            }
        }
    }

    private static PurseReport Stranger(PurseId id) => new($"purse {id}", id, null, reachable: false);
}
