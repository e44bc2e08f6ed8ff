namespace SmartCardCash.Settlement.Loads;

/// <summary>Where a load is. Only <see cref="Authorised"/> and <see cref="Debited"/> hold a bank purse.</summary>
public enum LoadState
{
    /// <summary>The amount is reserved on the account and a bank purse is held; no value has left it.</summary>
    Authorised,

    /// <summary>The bank purse answered the REQ: the value left it and the account was debited, in that transaction.
    /// The payment is not over until the purse has the card's ack.</summary>
    Debited,

    /// <summary>The bank purse has the card's ack: the card was credited. The purse is free.</summary>
    Completed,

    /// <summary>The load ended with no value leaving the bank purse: the reservation was released. The purse is free.</summary>
    Cancelled,

    /// <summary>The bank aborted its purse after the value left it and before the card's ack: the purse logged the
    /// payment (exception record 01). The account stays debited; the exception archive refunds it only if the card's
    /// matching 02 record shows the card never got the value. The purse is free.</summary>
    ValueLogged,
}
