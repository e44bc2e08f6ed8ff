namespace SmartCardCash.Settlement.Clearing;

/// <summary>What clearing did with one journal record.</summary>
public enum ClearingStatus
{
    /// <summary>Verified and stored: the first val the bank saw for this payer and sequence number.</summary>
    Cleared,

    /// <summary>The same val was cleared before (a repeated upload, or a journal holding it twice): nothing changed.</summary>
    AlreadyCleared,

    /// <summary>A validly signed val for a payer and sequence number already cleared with other payment details: the
    /// purse was cloned. Both are kept as evidence and the purse is on the hotlist.</summary>
    CloneDetected,

    /// <summary>Not cleared, for <see cref="ClearingRefusal"/>; nothing was stored for it.</summary>
    Refused,
}
