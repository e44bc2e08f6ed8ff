using SmartCardCash.Purse.Payments.Events;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// Every sentence of a payment's outcome, in one place: the summary from the run's conclusion and knowledge, the side
/// effects and recovery steps from what happened in it. Says only what the knowledge holds, in the cards' own terms
/// (epr, epv, epa, the exception log's reasons), naming the purses as the caller named them.
/// </summary>
internal sealed class PaymentNarrator(string payer, string payee)
{
    public PaymentNarration Tell(PaymentConclusion conclusion, PaymentKnowledge known, IReadOnlyList<PaymentEvent> events)
    {
        var sideEffects = new List<string>();
        var recovery = new List<string>();
        foreach (PaymentEvent happened in events)
        {
            Tell(happened, known, sideEffects, recovery);
        }
        switch (conclusion.PayeeLeft)
        {
            case PayeeLeft.WaitingAfterValueLogged:
                sideEffects.Add($"{payee} is still expecting the val (epv): until its next payment logs that (reason 02), " +
                    "the bank sees the payment as maybe lost.");
                break;
            case PayeeLeft.MayBeWaiting:
                sideEffects.Add($"{payee} could not be asked: it may be left expecting the val (epv) for this payment; nothing was " +
                    "debited, so its next payment (or recovery) clears it, logging a record with no value behind it.");
                break;
        }
        return new PaymentNarration(Summary(conclusion, known, PayeeLogged(known, events)), sideEffects, recovery);
    }

    /// <summary>
    /// The payee logged this payment (reason 02): this run aborted it in epv, or it was seen idle still holding the
    /// payment details without the ack, which only an abort in epv leaves (its pdAuth is set only by START TO).
    /// </summary>
    private static bool PayeeLogged(PaymentKnowledge known, IReadOnlyList<PaymentEvent> events) =>
        events.OfType<LoggingAbort>().Any(a => a.Role == PaymentParty.Payee) ||
        (known.Pd is { } pd && known.PayeeLastSeen is { } payee && payee.State == TransferState.Idle && payee.Holds(pd) &&
         !payee.HasPending(MessageType.Ack, pd));

    /// <summary>"bob did not answer VAL (the card was removed)", "alice refused REQ (…)".</summary>
    public static string Cause(PaymentCause cause) => cause.Refused
        ? $"{cause.Purse} refused {cause.Command} ({cause.Reason})"
        : $"{cause.Purse} did not answer {cause.Command} ({cause.Reason})";

    public static string TamperedStartFrom(string payer, PaymentDetails pd) =>
        $"{payer} answered START FROM with payment details that are not this payment's ({new PaymentSummary(pd)})";

    public static string TamperedStartTo(string payee, PaymentDetails req) =>
        $"{payee} answered START TO with a req for other payment details ({new PaymentSummary(req)}); nothing was debited";

    private string Summary(PaymentConclusion conclusion, PaymentKnowledge known, bool payeeLogged)
    {
        string value = known.ValueText;
        string cause = known.Cause is { } first ? $"{Cause(first)}. " : "";
        // Only an abort (reason 01) can have ended the payer's epa without the ack. The record stays; spec 4.4(6) is why
        // it is never refunded: a credited payee never logs the matching 02.
        string tail = !known.Acknowledged
            ? $" {payer} had aborted it meanwhile, so its exception log also holds a record (reason 01) for it: the bank never " +
              $"refunds that record, because {payee} was credited and so never logs the matching record (reason 02) a refund needs."
            : "";
        // Spec 4.4(6): definitely lost (and refunded) only with the payee's 02; the payer's 01 alone is maybe lost.
        string settles = payeeLogged
            ? $"; {payee} logged it too (reason 02), so it is definitely lost and the bank refunds it to {payer} from the two records."
            : $"; the bank refunds it only when {payee}'s matching record (reason 02) shows it never arrived (until then it is maybe lost).";
        string maybe = known.Debited == Certainty.Maybe ? $"If {payer} was debited, " : "";
        PaymentDetails? pd = known.Pd;
        return conclusion.Story switch
        {
            OutcomeStory.Paid => $"Paid {value} from {payer} to {payee}.{tail}",
            OutcomeStory.PaidAfterInterruption =>
                $"Paid {value} from {payer} to {payee}, finished by recovery after an interruption ({Cause(known.Cause!)}).{tail}",
            OutcomeStory.FinishedInterrupted => $"Finished the interrupted payment: {value} from {payer} to {payee} is complete.{tail}",
            OutcomeStory.AwaitingAcknowledgement =>
                $"{payee} was credited with {value}, but {payer} has not taken the acknowledgement: {cause}" +
                $"No value is at risk; recovering with both cards delivers the acknowledgement (until then {payer} is expecting it, epa).",
            OutcomeStory.AcknowledgementUnconfirmed =>
                $"{payee} was credited with {value}, but {payer} did not confirm taking the acknowledgement: {cause}" +
                $"No value is at risk; if {payer} is still expecting it (epa), recovering with both cards delivers it.",
            OutcomeStory.NothingToFinish =>
                $"Nothing to finish: {payer} was never debited for this payment ({new PaymentSummary(pd!)}); its unfinished transfer was cleared.",
            OutcomeStory.NothingToFinishPayeeWaits =>
                $"Nothing to finish: {payer} was never debited for this payment ({new PaymentSummary(pd!)}); " +
                $"{payee} is still expecting its val (epv), with no value behind it, and its next payment clears that.",
            OutcomeStory.NothingDebited => $"Nothing was paid: {conclusion.Refusal!.Message}; nothing was debited.",
            OutcomeStory.Refused => $"Nothing was paid: {conclusion.Refusal!.Message}.",
            OutcomeStory.MaybeDebited =>
                $"{payer} may have been debited {value} and {payee} was not credited: {cause}" +
                $"If {payer} was debited, the value is safe in its pending log (it is expecting the acknowledgement, epa). " +
                $"Recover with both cards to finish the payment, or abandon it on {payer} to log it for the bank.",
            OutcomeStory.DebitedMaybeCredited =>
                $"{value} was debited from {payer}, and {payee} may have been credited: {cause}" +
                $"The value is in {payer}'s pending log or already with {payee}. Recover with both cards to finish the payment; " +
                $"if {payee} is gone for good, abandon it on {payer}: the payment is then maybe lost, and the bank refunds it only " +
                $"when {payee}'s matching record (reason 02) shows the value never arrived.",
            OutcomeStory.DebitedHeld =>
                $"{value} was debited from {payer} and not credited to {payee}: {cause}" +
                $"The value is safe in {payer}'s pending log ({payer} is expecting the acknowledgement, epa). " +
                $"Recover with both cards to finish the payment, or abandon it on {payer} to log it for the bank.",
            OutcomeStory.Aborted =>
                $"The payment was aborted: {cause}{maybe}{value} is in {payer}'s exception log (reason 01), not with {payee}{settles}",
            OutcomeStory.AbortedByRecovery =>
                $"The payment could not be finished, so it was aborted: {maybe}{value} is in {payer}'s exception log " +
                $"(reason 01), not with {payee}{settles}",
            OutcomeStory.AbortedEarlier =>
                $"The payment cannot be finished: {payer} had already aborted it, so {(maybe.Length > 0 ? "if it was debited, " : "")}" +
                $"{value} is in its exception log (reason 01), not with {payee}{settles}",
            OutcomeStory.LoggedMaybeCredited =>
                $"{maybe}{value} is in {payer}'s exception log (reason 01), and {payee} may have been credited with it: {cause}" +
                $"If {payee} is still expecting the val (epv), recovering with both cards delivers it; until {payee} shows " +
                $"otherwise the payment is maybe lost, and the bank refunds it only when {payee}'s matching record (reason 02) " +
                "shows it never arrived.",
            OutcomeStory.HeldWithAnother => HeldWithAnother(conclusion.Subject == PaymentParty.Payer ? payer : payee, pd!),
            OutcomeStory.NothingInProgress => NothingInProgress,
            OutcomeStory.LastPaymentCompleted => $"{NothingInProgress} Their last payment, {new PaymentSummary(pd!)}, completed.",
            OutcomeStory.NothingToAbandon => $"Nothing to abandon: {payer} has no transfer in progress.",
            OutcomeStory.AbandonedInEpr =>
                $"Abandoned {payer}'s payment of {value} to purse {pd!.To}: it was still expecting the payee's req " +
                "(epr), so nothing had been debited and nothing was logged.",
            OutcomeStory.AbandonedInEpa =>
                $"Abandoned {payer}'s payment of {value} to purse {pd!.To}: {payer} had been debited and was " +
                $"expecting the acknowledgement (epa); the amount is now in {payer}'s exception log (reason 01). The payment is " +
                "maybe lost: the payee may already have it, or may still take it (recovering with both cards delivers the val), " +
                "and the bank refunds it only when the payee's matching record (reason 02) shows it never arrived.",
            OutcomeStory.AbandonedInEpv =>
                $"Abandoned {payer}'s receipt of {value} from purse {pd!.From}: it had not been credited, and it logged " +
                $"the transfer in its exception log (reason 02). If purse {pd.From} was debited, the value is in its pending " +
                "log (epa) or its exception log (reason 01) and can no longer arrive: with this record it is definitely lost, " +
                "and the bank refunds it from the payer's record (reason 01) and this one.",
            _ => throw new PaymentInvariantException($"no words for the story {conclusion.Story}"),
        };
    }

    private string NothingInProgress => $"Nothing to recover: neither {payer} nor {payee} has a transfer in progress.";

    private string HeldWithAnother(string holder, PaymentDetails pd) =>
        $"{holder}'s unfinished transfer is {new PaymentSummary(pd)}, not one between {payer} (payer) and " +
        $"{payee} (payee): recover it with its own counterparty, or abandon it on {holder}.";

    private void Tell(PaymentEvent happened, PaymentKnowledge known, List<string> sideEffects, List<string> recovery)
    {
        switch (happened)
        {
            case CommandLost lost:
                recovery.Add($"{lost.Command} to {lost.Purse}: no answer ({lost.Reason}).");
                break;
            case CommandRefused { PaymentFixed: true } refused:
                recovery.Add($"{refused.Command} to {refused.Purse}: refused, {refused.StatusWord} ({refused.Reason}).");
                break;
            case ForcedAbort forced:
                sideEffects.Add(ForcedAbortEffect(forced));
                break;
            case StartLeftUnanswered start:
                sideEffects.Add($"{start.Purse} may be left expecting a req (epr) for a payment that holds no value; " +
                    "its next payment, or recovery, clears it without logging anything.");
                break;
            case CleanupAbort cleanup:
                sideEffects.Add(CleanupEffect(cleanup));
                break;
            case LoggingAbort abort:
                LoggingAbortEffect(abort, known, sideEffects, recovery);
                break;
            case CardsFound found:
                recovery.Add($"{Describe(payer, found.Payer)}; {Describe(payee, found.Payee)}.");
                break;
            case CardsLeft { Problem: null } left:
                recovery.Add($"{left.Purse} does not accept ABORT from here: both cards are left as they are.");
                break;
            case CardsLeft left:
                recovery.Add($"{left.Purse} cannot be reached ({left.Problem}): both cards are left as they are.");
                break;
            case PaymentResumed { Step: RecoveryAction.DeliverReq }:
                recovery.Add($"RESUME on {payee} gave its req; REQ to {payer}, VAL to {payee} and ACK to {payer} finished the payment.");
                break;
            case PaymentResumed { Step: RecoveryAction.DeliverLoggedVal }:
                recovery.Add($"RESUME on {payer} gave the val it kept after its abort; VAL to {payee} credited it ({payer} is idle, so no ACK).");
                break;
            case PaymentResumed { Step: RecoveryAction.DeliverVal }:
                recovery.Add($"RESUME on {payer} gave its val; VAL to {payee} and ACK to {payer} finished the payment.");
                break;
            case PaymentResumed:
                recovery.Add($"RESUME on {payee} gave its ack; ACK to {payer} finished the payment.");
                break;
        }
    }

    private static string ForcedAbortEffect(ForcedAbort forced)
    {
        PendingTransfer unfinished = forced.Unfinished;
        string what = unfinished.State switch
        {
            TransferState.ExpectingAck => "its value is now in the exception log (reason 01), maybe lost until its payee's matching " +
                "record (reason 02) shows it never arrived",
            TransferState.ExpectingVal => "it is now in the exception log (reason 02)",
            _ => "nothing was logged: nothing had been debited",
        };
        string old = PurseReport.StateName(unfinished.State) +
            (unfinished.Details is { } details ? $", {new PaymentSummary(details)}" : "");
        return forced.Certain
            ? $"{forced.Purse}'s unfinished earlier transfer ({old}) was aborted first, as forced: {what}."
            : $"{forced.Purse}'s unfinished earlier transfer ({old}) may have been aborted (the start got no answer); if so, {what}.";
    }

    private static string CleanupEffect(CleanupAbort cleanup)
    {
        string purse = cleanup.Purse;
        bool receipt = cleanup.Before == TransferState.ExpectingVal;
        return cleanup.Result switch
        {
            AnswerKind.Answered => receipt
                ? $"{purse}'s started receipt was aborted and logged in its exception log (reason 02) with no value behind it: nothing was debited."
                : $"{purse}'s started transfer was aborted (it was expecting a req): nothing had been debited, nothing was logged.",
            AnswerKind.Refused => receipt
                ? $"{purse} refused ABORT ({cleanup.StatusWord}) and is left expecting a val (epv) that will never come; nothing was " +
                  "debited, so its next payment clears it, logging a record with no value behind it."
                : $"{purse} refused ABORT ({cleanup.StatusWord}) and is left expecting a req (epr), which holds no value.",
            _ => receipt
                ? $"{purse} could not be told to abort and may be left expecting a val (epv) that will never come; " +
                  "nothing was debited, so clearing it later (its next payment, or recovery) logs a record with no value behind it."
                : $"{purse} could not be told to abort and may be left expecting a req (epr), which holds no value; " +
                  "its next payment, or recovery, clears it.",
        };
    }

    private void LoggingAbortEffect(LoggingAbort abort, PaymentKnowledge known, List<string> sideEffects, List<string> recovery)
    {
        string why = (abort.Step, abort.Role) switch
        {
            (RecoveryAction.AbortPayerLogging, _) => $"{payee} can no longer take the val",
            (RecoveryAction.AbortPayee, _) => $"{payer} will never send the val",
            (_, PaymentParty.Payer) => $"{payee} refused the val",
            _ => $"it refused {payer}'s val",
        };
        if (abort.Role == PaymentParty.Payer && abort.Before == TransferState.ExpectingAck)
        {
            sideEffects.Add($"{payer} aborted the payment ({why}): {known.ValueText} is in its exception log (reason 01).");
            recovery.Add($"ABORT to {payer}: {why}, so the debited value went into its exception log.");
        }
        else if (abort.Role == PaymentParty.Payee)
        {
            sideEffects.Add($"{payee} aborted the payment ({why}) and logged it in its exception log (reason 02).");
            recovery.Add($"ABORT to {payee}: {why}.");
        }
        else
        {
            sideEffects.Add($"{abort.Purse}'s transfer was aborted ({why}).");
        }
    }

    private static string Describe(string name, PurseView view) => view.Reachable
        ? $"{name} is {PurseReport.StateName(view.State!.Value)}"
        : $"{name} cannot be reached";
}
