namespace SmartCardCash.Settlement.BankPurses;

/// <summary>Why the bank refused a bank-purse, load or deposit request; the service maps each to an HTTP status.</summary>
public enum BankPurseRefusal
{
    /// <summary>No bank purse has this ID.</summary>
    UnknownPurse,

    /// <summary>The bank purse serves a payment (or is in the middle of a transfer) and cannot do this now.</summary>
    PurseBusy,

    /// <summary>Every bank purse of the currency is busy, or none holds enough value for the load.</summary>
    NoPurseFree,

    /// <summary>No load has this ID.</summary>
    UnknownLoad,

    /// <summary>No deposit has this ID.</summary>
    UnknownDeposit,

    /// <summary>The client request ID was used before for a request with other content.</summary>
    RequestConflict,

    /// <summary>The account does not exist.</summary>
    UnknownAccount,

    /// <summary>The account is not of the kind the request needs (a customer account for a load, a merchant account for a deposit).</summary>
    WrongAccountKind,

    /// <summary>The account, the purse or the amount are in different currencies.</summary>
    CurrencyMismatch,

    /// <summary>The amount is 0, negative, or more than a purse holds.</summary>
    AmountOutOfRange,

    /// <summary>The card's purse is on the bank's hotlist (cloned or reported): the bank neither loads it nor takes its deposits.</summary>
    PurseHotlisted,

    /// <summary>One of the bank's own purses was named as a load's payee or a deposit's payer.</summary>
    BankPurseAsParty,
}
