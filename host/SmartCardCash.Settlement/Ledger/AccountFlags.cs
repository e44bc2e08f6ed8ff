namespace SmartCardCash.Settlement.Ledger;

/// <summary>Rules the ledger enforces on an account's balance, whoever submits the transfer (TigerBeetle's flags).
/// Pending amounts count as if posted, so a reservation cannot be overdrawn either.</summary>
[Flags]
public enum AccountFlags
{
    None = 0,

    /// <summary>Pending plus posted debits never exceed posted credits: the account cannot be overdrawn.</summary>
    DebitsMustNotExceedCredits = 1,

    /// <summary>Pending plus posted credits never exceed posted debits: a debit-side account cannot go below zero.</summary>
    CreditsMustNotExceedDebits = 2,
}
