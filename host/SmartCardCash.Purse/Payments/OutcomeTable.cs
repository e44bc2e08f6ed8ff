using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// What a run's knowledge means for its outcome, as one function: the kind, where the value is and what to do next,
/// from whether the payer was debited, the payee credited, and the payer still holds the value. Credited comes first:
/// once the payee has the value, the payment is complete whatever else went wrong.
/// </summary>
internal static class OutcomeTable
{
    public static PaymentConclusion Conclude(PaymentKnowledge known)
    {
        PayeeLeft payeeLeft = PayeeLeftBy(known);
        if (known.Credited == Certainty.Yes)
        {
            if (!known.Acknowledged && known.PayerHolds != false)
            {
                return new PaymentConclusion(PaymentOutcomeKind.CompletedAwaitingAcknowledgement,
                    known.PayerHolds == true ? OutcomeStory.AwaitingAcknowledgement : OutcomeStory.AcknowledgementUnconfirmed,
                    ValueLocation.WithPayee, PaymentRemedy.Recover) { PayeeLeft = payeeLeft };
            }
            OutcomeStory paid = known.Recovering ? OutcomeStory.FinishedInterrupted
                : known.Cause is not null ? OutcomeStory.PaidAfterInterruption : OutcomeStory.Paid;
            return new PaymentConclusion(PaymentOutcomeKind.Completed, paid, ValueLocation.WithPayee, PaymentRemedy.None)
            {
                PayeeLeft = payeeLeft,
            };
        }
        if (known.Debited == Certainty.No && known.Recovering)
        {
            bool payeeWaits = known.PayeeLastSeen is { } payee && payee.IsIn(TransferState.ExpectingVal, known.Pd!);
            return new PaymentConclusion(PaymentOutcomeKind.NotStarted,
                payeeWaits ? OutcomeStory.NothingToFinishPayeeWaits : OutcomeStory.NothingToFinish, ValueLocation.WithPayer,
                PaymentRemedy.None) { PayeeLeft = payeeLeft };
        }
        if (known.Debited == Certainty.No)
        {
            PaymentCause? cause = known.Cause;
            var refusal = new PaymentRefusal(cause?.Role ?? PaymentParty.Terminal,
                cause?.Refused == true ? RefusalReason.RefusedByCard : RefusalReason.CardUnreachable,
                cause is null ? "the payment was not started" : PaymentNarrator.Cause(cause));
            return new PaymentConclusion(PaymentOutcomeKind.NotStarted, OutcomeStory.NothingDebited, ValueLocation.WithPayer,
                refusal.Reason == RefusalReason.CardUnreachable ? PaymentRemedy.TryAgain : PaymentRemedy.None)
            {
                Refusal = refusal,
                PayeeLeft = payeeLeft,
            };
        }
        if (known.PayerHolds == false && known.Credited == Certainty.Maybe)
        {
            // The payer aborted after the debit (01), and its val may have reached the payee since, or may still.
            return new PaymentConclusion(PaymentOutcomeKind.ValueLogged, OutcomeStory.LoggedMaybeCredited,
                ValueLocation.PayerExceptionLogOrPayee, PaymentRemedy.Recover) { PayeeLeft = payeeLeft };
        }
        if (known.PayerHolds != false)
        {
            (OutcomeStory story, ValueLocation where) = (known.Debited, known.Credited) switch
            {
                (Certainty.Maybe, _) => (OutcomeStory.MaybeDebited, ValueLocation.PayerOrPendingLog),
                (_, Certainty.Maybe) => (OutcomeStory.DebitedMaybeCredited, ValueLocation.PendingLogOrPayee),
                _ => (OutcomeStory.DebitedHeld, ValueLocation.PayerPendingLog),
            };
            return new PaymentConclusion(PaymentOutcomeKind.Interrupted, story, where, PaymentRemedy.RecoverOrAbandon)
            {
                PayeeLeft = payeeLeft,
            };
        }
        OutcomeStory logged = !known.Recovering ? OutcomeStory.Aborted
            : known.PayerAbortedHere ? OutcomeStory.AbortedByRecovery : OutcomeStory.AbortedEarlier;
        return new PaymentConclusion(PaymentOutcomeKind.ValueLogged, logged, ValueLocation.PayerExceptionLog, PaymentRemedy.BankSettles)
        {
            PayeeLeft = payeeLeft,
        };
    }

    /// <summary>Refused before anything was debited: trying again helps when a card was out of reach.</summary>
    public static PaymentConclusion Refused(PaymentRefusal refusal) =>
        new(PaymentOutcomeKind.NotStarted, OutcomeStory.Refused, ValueLocation.WithPayer, refusal.Reason switch
        {
            RefusalReason.PurseNotIdle => PaymentRemedy.RecoverEarlierTransfer,
            RefusalReason.CardUnreachable => PaymentRemedy.TryAgain,
            _ => PaymentRemedy.None,
        }) { Refusal = refusal };

    /// <summary>
    /// The payee left expecting a val for this payment: worth saying when the payer logged the value (the bank sees
    /// "maybe lost" until the payee logs it too), or when the payee could not be asked and nothing was debited.
    /// </summary>
    private static PayeeLeft PayeeLeftBy(PaymentKnowledge known)
    {
        if (known.Pd is not { } pd || known.Credited == Certainty.Yes || known.PayeeLastSeen is not { } payee)
        {
            return PayeeLeft.None;
        }
        if (payee.IsIn(TransferState.ExpectingVal, pd) && known.Debited != Certainty.No && known.PayerHolds == false)
        {
            return PayeeLeft.WaitingAfterValueLogged;
        }
        return !payee.Reachable && known.Debited == Certainty.No && !known.Recovering ? PayeeLeft.MayBeWaiting : PayeeLeft.None;
    }
}
