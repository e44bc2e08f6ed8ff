namespace SmartCardCash.Settlement.Deposits;

/// <summary>Where a deposit is. Only <see cref="Open"/> holds a bank purse.</summary>
public enum DepositState
{
    /// <summary>A bank purse is held for the merchant's card to pay into; nothing has arrived yet.</summary>
    Open,

    /// <summary>The bank purse accepted the merchant's val: the merchant was credited the amount less its fee, in that
    /// transaction. The purse is free.</summary>
    Credited,

    /// <summary>The deposit ended with no value arriving and the bank purse never waiting for a val. The purse is free.</summary>
    Cancelled,

    /// <summary>The bank aborted its purse while it waited for the merchant's val: the purse logged the payment
    /// (exception record 02). If the merchant's card was debited, the exception archive refunds the merchant on the
    /// card's matching 01; if not, nothing moved. The purse is free.</summary>
    ValueLogged,
}
