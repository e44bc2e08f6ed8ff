namespace SmartCardCash.Settlement.Archive;

/// <summary>Where a payment a payer reported in flight (its 01 record) stands.</summary>
public enum LostPaymentState
{
    /// <summary>Only the payer's 01 is known: archived only, no funds moved (the audit counts it), nothing is refunded (spec 4.4(6)). Open.</summary>
    MaybeLost,

    /// <summary>Definitely lost (the payee's 02 too), but the purse has no linked account yet, or is on the hotlist: owed,
    /// open, in suspense, until an operator names the account (or, when it was only unlinked, a later upload finds one).</summary>
    Owed,

    /// <summary>Definitely lost and refunded, once, to <see cref="LostPayment.RefundAccount"/>. Closed.</summary>
    Refunded,

    /// <summary>Its val was cleared: the payee has the value, nothing was lost. Closed.</summary>
    Arrived,
}
