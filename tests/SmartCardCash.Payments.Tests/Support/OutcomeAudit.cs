
namespace SmartCardCash.Payments.Tests.Support;

/// <summary>Checks an outcome against what the cards actually hold, read back after the run.</summary>
internal static class OutcomeAudit
{
    /// <summary>
    /// Every claim the outcome makes about the payer, payee and value is true of <paramref name="payer"/> and
    /// <paramref name="payee"/> as read now (balances compared with those before the payment).
    /// </summary>
    public static void AssertTrue(PaymentOutcome outcome, PurseSnapshot payer, PurseSnapshot payee, uint payerBefore, uint payeeBefore)
    {
        string context = $"{outcome.Kind}: {outcome.Summary}";
        PaymentDetails? pd = outcome.Payment?.Details;
        uint value = pd?.Value ?? 0;
        bool debited = pd is not null && payer.Balance == payerBefore - value;
        bool credited = pd is not null && payee.Balance == payeeBefore + value;
        Assert.True(debited || payer.Balance == payerBefore, $"the payer's balance moved by something else; {context}");
        Assert.True(credited || payee.Balance == payeeBefore, $"the payee's balance moved by something else; {context}");
        AssertClaim(outcome.Debited, debited, "debited", context);
        AssertClaim(outcome.Credited, credited, "credited", context);
        if (outcome.Payer.Reachable && outcome.Payer.PurseId == payer.Id.ToString())
        {
            Assert.True(outcome.Payer.State == PurseReport.StateName(payer.State), $"payer state {payer.State}; {context}");
        }
        if (outcome.Payee is { Reachable: true } reportedPayee && reportedPayee.PurseId == payee.Id.ToString())
        {
            Assert.True(reportedPayee.State == PurseReport.StateName(payee.State), $"payee state {payee.State}; {context}");
        }
        bool payerLogged = pd is not null && payer.Logged(pd, ExceptionReason.PayerAbortedInEpa);
        bool inFlight = pd is not null && payer.IsIn(TransferState.ExpectingAck, pd);
        switch (outcome.Kind)
        {
            case PaymentOutcomeKind.Completed:
                Assert.True(debited && credited, context);
                Assert.True(payer.Sent(pd!) || payerLogged, context);
                Assert.Equal(ValueLocation.WithPayee, outcome.Value);
                break;
            case PaymentOutcomeKind.CompletedAwaitingAcknowledgement:
                Assert.True(debited && credited, context);
                Assert.True(inFlight || (!outcome.Payer.Reachable && payer.Sent(pd!)), context);
                break;
            case PaymentOutcomeKind.NotStarted:
                Assert.True(!debited && !credited && !payerLogged && !inFlight, context);
                Assert.Equal(ValueLocation.WithPayer, outcome.Value);
                break;
            case PaymentOutcomeKind.Interrupted:
                Assert.False(payerLogged, context);
                Assert.True(outcome.Debited != Certainty.No, context);
                switch (outcome.Value)
                {
                    case ValueLocation.PayerPendingLog:
                        Assert.True(inFlight && !credited, context);
                        break;
                    case ValueLocation.PayerOrPendingLog:
                        Assert.True((inFlight && !credited) || !debited, context);
                        break;
                    case ValueLocation.PendingLogOrPayee:
                        Assert.True(inFlight || credited, context);
                        break;
                    default:
                        Assert.Fail($"an interrupted payment's value is at {outcome.Value}; {context}");
                        break;
                }
                break;
            case PaymentOutcomeKind.ValueLogged:
                Assert.True(!credited, context);
                Assert.True(debited ? payerLogged : outcome.Debited == Certainty.Maybe, context);
                Assert.Equal(ValueLocation.PayerExceptionLog, outcome.Value);
                break;
            default:
                Assert.Fail($"unexpected outcome for a payment; {context}");
                break;
        }
    }

    private static void AssertClaim(Certainty claim, bool actual, string what, string context)
    {
        if (claim == Certainty.Yes)
        {
            Assert.True(actual, $"the outcome says {what}, but it was not; {context}");
        }
        else if (claim == Certainty.No)
        {
            Assert.False(actual, $"the outcome says not {what}, but it was; {context}");
        }
    }
}
