using System.Runtime.CompilerServices;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// What the payment driver may claim, asserted on every change of its knowledge and on every outcome it returns, in
/// release builds too (as the card asserts spec 4.4's invariants after every command). A certainty is never higher
/// than its evidence: "debited" needs the payer's val or a card showing the debit, "credited" the payee's ack or a
/// card showing the credit.
/// </summary>
internal static class PaymentInvariants
{
    public static PaymentKnowledge Checked(this PaymentKnowledge known)
    {
        PaymentEvidence evidence = known.Evidence;
        Holds(known.Debited != Certainty.Yes ||
            evidence.HasFlag(PaymentEvidence.ReqAnswered) || evidence.HasFlag(PaymentEvidence.PayerShowedDebit),
            "debited without REQ answered or a card showing the debit", known);
        Holds(known.Credited != Certainty.Yes || evidence.HasFlag(PaymentEvidence.ValAnswered) ||
            evidence.HasFlag(PaymentEvidence.PayeeShowedCredit) || evidence.HasFlag(PaymentEvidence.PayerShowedAck),
            "credited without VAL answered or a card showing the credit", known);
        Holds(!known.Acknowledged || known.Credited == Certainty.Yes, "acknowledged but not credited", known);
        Holds(!known.Acknowledged ||
            evidence.HasFlag(PaymentEvidence.AckAnswered) || evidence.HasFlag(PaymentEvidence.PayerShowedAck),
            "acknowledged without ACK answered or the payer's record of it", known);
        Holds(known.PayerHolds != true || known.Debited == Certainty.Yes, "the payer holds the value but was not debited", known);
        Holds(known.Val is null || (known.Val.Type == MessageType.Val && known.Val.Details.Equals(known.Pd)),
            "a val that is not the payer's val of these payment details", known);
        Holds(known.Ack is null || (known.Ack.Type == MessageType.Ack && known.Ack.Details.Equals(known.Pd)),
            "an ack that is not the payee's ack of these payment details", known);
        Holds(known.Pd is not null || (known.Debited == Certainty.No && known.Credited == Certainty.No && !known.ValRefused &&
            !known.Recovering && !known.PayerAbortedHere), "value in motion for payment details no purse fixed", known);
        return known;
    }

    public static PaymentOutcome Checked(this PaymentOutcome outcome)
    {
        (Certainty debited, Certainty credited) = (outcome.Debited, outcome.Credited);
        switch (outcome.Kind)
        {
            case PaymentOutcomeKind.Completed or PaymentOutcomeKind.CompletedAwaitingAcknowledgement:
                Holds(credited == Certainty.Yes, "completed but not credited", outcome);
                break;
            case PaymentOutcomeKind.NotStarted:
                Holds(debited == Certainty.No && credited != Certainty.Yes, "not started but debited, or credited", outcome);
                break;
            case PaymentOutcomeKind.Interrupted or PaymentOutcomeKind.ValueLogged:
                Holds(debited != Certainty.No && credited != Certainty.Yes, "value in flight or logged that never left, or arrived", outcome);
                break;
        }
        Holds(outcome.Refusal is null || outcome.Kind == PaymentOutcomeKind.NotStarted, "a refusal of a payment that started", outcome);
        Holds(outcome.SignedPayment is null || (outcome.PayeeHasValue && outcome.SignedPayment.Details.Equals(outcome.Payment?.Details)),
            "evidence of a payment the payee did not take, or of another payment", outcome);
        switch (outcome.Value)
        {
            case ValueLocation.WithPayer:
                Holds(debited == Certainty.No, "with the payer but debited", outcome);
                break;
            case ValueLocation.WithPayee:
                Holds(credited == Certainty.Yes, "with the payee but not credited", outcome);
                break;
            case ValueLocation.PayerPendingLog:
                Holds(debited == Certainty.Yes && credited == Certainty.No, "in the pending log but not debited, or credited", outcome);
                break;
            case ValueLocation.PayerExceptionLog:
                Holds(debited != Certainty.No && credited != Certainty.Yes, "logged but never debited, or credited", outcome);
                break;
            case ValueLocation.PayerExceptionLogOrPayee:
                Holds(debited != Certainty.No && credited == Certainty.Maybe, "logged or credited, but not debited, or certain", outcome);
                break;
        }
        return outcome;
    }

    private static void Holds(bool condition, string what, object state, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new PaymentInvariantException($"payment invariant broken: {what} ({expression}) in {state}");
        }
    }
}
