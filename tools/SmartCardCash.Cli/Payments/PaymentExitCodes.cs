using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Cli.Payments;

/// <summary>The exit code of a payment outcome (see <see cref="ExitCodes"/>).</summary>
internal static class PaymentExitCodes
{
    /// <summary>
    /// <c>scc pay</c>: 0 completed, also when only the payer's acknowledgement is missing (the payee has the value; a
    /// note says to recover); 6 a security refusal; 4 a card unreachable before anything was debited; 1 any other
    /// refusal (by a card or by scc's checks); 5 interrupted or value logged.
    /// </summary>
    public static int ForPayment(PaymentOutcome outcome) => outcome.Kind switch
    {
        PaymentOutcomeKind.Completed or PaymentOutcomeKind.CompletedAwaitingAcknowledgement => ExitCodes.Success,
        PaymentOutcomeKind.NotStarted when outcome.IsSecurityRefusal => ExitCodes.SecurityRefusal,
        PaymentOutcomeKind.NotStarted when outcome.Refusal?.Reason == RefusalReason.CardUnreachable => ExitCodes.CommunicationFailure,
        PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.NothingToRecover => ExitCodes.CardError,
        _ => ExitCodes.PaymentInterrupted,
    };

    /// <summary>
    /// <c>scc recover</c>: 0 when the payment is finished, or was never debited and is cleared, or there is nothing to
    /// recover; 1 when the purses' unfinished transfers are with other purses; 5 when it is still interrupted (a card
    /// out of reach, the acknowledgement still missing) or ended with the value logged for the bank.
    /// </summary>
    public static int ForRecovery(PaymentOutcome outcome) => outcome.Kind switch
    {
        PaymentOutcomeKind.NothingToRecover when outcome.Remedy != PaymentRemedy.None => ExitCodes.CardError,
        PaymentOutcomeKind.Completed or PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.NothingToRecover => ExitCodes.Success,
        _ => ExitCodes.PaymentInterrupted,
    };
}
