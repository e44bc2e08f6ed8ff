namespace SmartCardCash.Settlement.Ledger;

/// <summary>What an account stands for; <see cref="AccountKinds"/> gives each kind's book, normal side and flags.
/// docs/bank.md has the table of what each flow posts between them.</summary>
public enum AccountKind
{
    /// <summary>E-value book, credit side: value minted into bank purses, less lost value written off. One per currency.</summary>
    Minted,

    /// <summary>E-value book, debit side: the value in one of the bank's own purses. One per bank purse.</summary>
    BankPurse,

    /// <summary>E-value book, debit side: the value in purses outside the bank (and in flight between them). One per currency.</summary>
    EValueOutstanding,

    /// <summary>Money book, credit side: the funds that back the e-value outstanding (safeguarded). One per currency.</summary>
    Float,

    /// <summary>Money book, credit side: funds backing value reported in flight (maybe lost), until refunded or found. One per currency.</summary>
    Suspense,

    /// <summary>Money book, credit side: fees charged to merchants on deposits. One per currency.</summary>
    FeeIncome,

    /// <summary>Money book, debit side: cash the tellers took in. One per currency.</summary>
    Cash,

    /// <summary>Money book, credit side: what the bank owes a cardholder; cannot be overdrawn.</summary>
    Customer,

    /// <summary>Money book, credit side: what the bank owes a merchant, who pays a fee on each deposit; cannot be overdrawn.</summary>
    Merchant,
}
