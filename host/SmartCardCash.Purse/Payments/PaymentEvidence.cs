namespace SmartCardCash.Purse.Payments;

/// <summary>What proves a run's certainties: the protocol messages a purse answered, and what the cards showed when
/// they were asked (states, pending logs, transaction logs).</summary>
[Flags]
internal enum PaymentEvidence
{
    None = 0,

    /// <summary>The payer answered REQ with its val: it was debited.</summary>
    ReqAnswered = 1,

    /// <summary>The payee answered VAL with its ack: it was credited.</summary>
    ValAnswered = 2,

    /// <summary>The payer answered ACK: it took the acknowledgement.</summary>
    AckAnswered = 4,

    /// <summary>The payer showed the debit: epa for the PD, its val in its pending log, or a "sent" record.</summary>
    PayerShowedDebit = 8,

    /// <summary>The payee showed the credit: its ack in its pending log, or a "received" record.</summary>
    PayeeShowedCredit = 16,

    /// <summary>The payer's transaction log records the payment as sent: it took the ack, which only a credit makes.</summary>
    PayerShowedAck = 32,
}
