namespace SmartCardCash.Purse.Payments;

/// <summary>Which of the outcome's stories <see cref="PaymentNarrator"/> tells: one summary each.</summary>
internal enum OutcomeStory
{
    /// <summary>Paid, nothing went wrong.</summary>
    Paid,

    /// <summary>Paid, finished by recovery within the same run after something went wrong.</summary>
    PaidAfterInterruption,

    /// <summary>Recovery finished a payment an earlier run left.</summary>
    FinishedInterrupted,

    /// <summary>Credited; the payer is in epa, waiting for the ack.</summary>
    AwaitingAcknowledgement,

    /// <summary>Credited; whether the payer took the ack is unknown.</summary>
    AcknowledgementUnconfirmed,

    /// <summary>Recovery found the payer never debited, and cleared what was left.</summary>
    NothingToFinish,

    /// <summary>Recovery found the payer never debited; the payee still waits in epv for a val that holds no value.</summary>
    NothingToFinishPayeeWaits,

    /// <summary>The payment ended before the debit: the refusal says what stopped it.</summary>
    NothingDebited,

    /// <summary>Refused before anything was debited, by the terminal or a purse.</summary>
    Refused,

    /// <summary>REQ's answer was lost: the payer may have been debited.</summary>
    MaybeDebited,

    /// <summary>Debited; VAL's answer was lost, so the payee may have been credited.</summary>
    DebitedMaybeCredited,

    /// <summary>Debited and not credited: the value waits in the payer's pending log.</summary>
    DebitedHeld,

    /// <summary>The payment run aborted the payer after the debit: the value is in its exception log.</summary>
    Aborted,

    /// <summary>Recovery could not finish the payment and aborted the payer: the value is in its exception log.</summary>
    AbortedByRecovery,

    /// <summary>Recovery found the payer had already aborted: the value is in its exception log.</summary>
    AbortedEarlier,

    /// <summary>The payer logged the value (reason 01), and the payee may have been credited with it all the same.</summary>
    LoggedMaybeCredited,

    /// <summary>A purse's unfinished transfer is with a counterparty that is not here (<see cref="PaymentConclusion.Subject"/>).</summary>
    HeldWithAnother,

    /// <summary>Neither purse has a transfer in progress.</summary>
    NothingInProgress,

    /// <summary>Neither purse has a transfer in progress, and both show their last payment completed.</summary>
    LastPaymentCompleted,

    /// <summary>The one purse has no transfer in progress.</summary>
    NothingToAbandon,

    /// <summary>Abandoned a payer in epr: nothing had been debited, nothing logged.</summary>
    AbandonedInEpr,

    /// <summary>Abandoned a payer in epa: the value went to its exception log.</summary>
    AbandonedInEpa,

    /// <summary>Abandoned a payee in epv: it logged the transfer; the payer's side is unknown.</summary>
    AbandonedInEpv,
}
