using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// Spec 4.7's recovery table as one function: from what the two purses say about one payment (PD), the one next
/// step. Resume wherever resume can still finish the payment; abort only when it cannot; wait when a card that could
/// still finish it is out of reach.
/// </summary>
internal static class RecoveryTable
{
    /// <param name="valRefused">The payee refused the val (a card answer, not a lost one) while in epv for this PD.</param>
    public static RecoveryAction Decide(PaymentDetails pd, PurseView payer, PurseView payee, bool valRefused)
    {
        ArgumentNullException.ThrowIfNull(pd);
        bool payerEpa = payer.IsIn(TransferState.ExpectingAck, pd);
        bool payerEpr = payer.IsIn(TransferState.ExpectingReq, pd);
        bool payeeEpv = payee.IsIn(TransferState.ExpectingVal, pd);
        bool payeeCredited = payee.HasPending(MessageType.Ack, pd);
        // Idle with its val still pending and the payee still in epv: only an ABORT in epa (reason 01) leaves a payer so.
        bool payerAbortedWithVal = payer.Reachable && payer.State == TransferState.Idle && payer.HasPending(MessageType.Val, pd);

        if (payerEpa && payeeCredited)
        {
            return RecoveryAction.DeliverAck;                       // epa | idle, pending = ack for this PD
        }
        if (payerEpa && payeeEpv)
        {
            return valRefused ? RecoveryAction.AbortBoth : RecoveryAction.DeliverVal;   // epa | epv
        }
        if (payerEpr && payeeEpv)
        {
            return RecoveryAction.DeliverReq;                       // epr | epv
        }
        if (payerEpa)
        {
            // The payee could still take the val once it is back; never log value a reconnect could deliver.
            return payee.Reachable ? RecoveryAction.AbortPayerLogging : RecoveryAction.Wait;   // epa | anything else
        }
        if (payerEpr)
        {
            return RecoveryAction.AbortPayer;                       // epr | idle/other: nothing was debited
        }
        if (!payer.Reachable)
        {
            // The payer may be in epr or epa for this PD: the payee's epv is what finishes it later. Touch nothing.
            return payeeCredited ? RecoveryAction.None : RecoveryAction.Wait;
        }
        if (payerAbortedWithVal && !payee.Reachable)
        {
            return RecoveryAction.Wait;                             // the payee may still be in epv, and the val still credits it
        }
        if (payeeEpv && payerAbortedWithVal && !valRefused)
        {
            return RecoveryAction.DeliverLoggedVal;                 // idle (01 logged, val pending) | epv: the val still credits
        }
        if (payeeEpv)
        {
            return RecoveryAction.AbortPayee;                       // the payer is past this PD: no val will come
        }
        return RecoveryAction.None;                                 // idle (val) | idle (ack), or nothing to do
    }
}
