namespace SmartCardCash.Purse.Payments;

/// <summary>Whether a payment's end leaves the payee expecting a val that will not come.</summary>
internal enum PayeeLeft
{
    /// <summary>No, or nothing worth saying.</summary>
    None,

    /// <summary>It is in epv while the payer logged the value: the bank sees "maybe lost" until the payee logs it too.</summary>
    WaitingAfterValueLogged,

    /// <summary>It could not be asked and may be in epv for a payment that debited nothing: harmless.</summary>
    MayBeWaiting,
}
