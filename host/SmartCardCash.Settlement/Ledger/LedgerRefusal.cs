namespace SmartCardCash.Settlement.Ledger;

/// <summary>Why the ledger refused a request. Nothing of a refused request is written.</summary>
public enum LedgerRefusal
{
    /// <summary>An account the request names does not exist.</summary>
    UnknownAccount,

    /// <summary>An account with this ID exists with other content.</summary>
    AccountConflict,

    /// <summary>A transfer with this ID exists with other content.</summary>
    TransferConflict,

    /// <summary>Some transfers of the chain exist and others do not: a chain is recorded whole or not at all.</summary>
    PartlyRecordedChain,

    /// <summary>The chain names one transfer ID twice, or is empty or too long.</summary>
    InvalidChain,

    /// <summary>An account is not in the transfer's currency.</summary>
    CurrencyMismatch,

    /// <summary>The transfer would move between the e-value book and the money book.</summary>
    BooksMixed,

    /// <summary>The debit would exceed the account's credits (an overdraft).</summary>
    ExceedsCredits,

    /// <summary>The credit would exceed a debit-side account's debits (it would go below zero).</summary>
    ExceedsDebits,

    /// <summary>A total would pass the largest amount the ledger holds.</summary>
    Overflow,

    /// <summary>The transfer a post or void names does not exist, or is not pending.</summary>
    NotPending,

    /// <summary>The pending transfer was already posted or voided.</summary>
    PendingAlreadyResolved,

    /// <summary>The post is for more than the pending amount.</summary>
    ExceedsPendingAmount,
}
