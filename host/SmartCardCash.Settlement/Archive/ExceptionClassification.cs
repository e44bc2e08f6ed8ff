namespace SmartCardCash.Settlement.Archive;

/// <summary>What the archive concluded from one exception record, with everything it holds so far.</summary>
public enum ExceptionClassification
{
    /// <summary>A payer's 01 alone: maybe lost, open, never refunded on its own.</summary>
    MaybeLost,

    /// <summary>The payer's 01 and the payee's 02 for one PD: definitely lost, refunded to the payer's account.</summary>
    Refunded,

    /// <summary>Definitely lost, and the payer purse has no linked account or is hotlisted: owed until an operator names one.</summary>
    Owed,

    /// <summary>The payment's val was cleared: the value arrived, nothing is refunded.</summary>
    Arrived,

    /// <summary>A payee's 02 with no 01 for it (yet): archived; it makes a refund only once its payer's 01 arrives. A
    /// 02 left by a START TO that was never paid stays here forever.</summary>
    AwaitingPayerRecord,
}
