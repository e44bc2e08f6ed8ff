namespace SmartCardCash.Settlement.Ledger;

/// <summary>Each <see cref="AccountKind"/>'s book, normal side and balance rule, in one place.</summary>
public static class AccountKinds
{
    public static LedgerBook BookOf(AccountKind kind) => kind switch
    {
        AccountKind.Minted or AccountKind.BankPurse or AccountKind.EValueOutstanding => LedgerBook.EValue,
        _ => LedgerBook.Money,
    };

    /// <summary>True when the account's balance is its debits less its credits (assets and e-value held); false
    /// when it is its credits less its debits (what the bank owes, minted value, income).</summary>
    public static bool IsDebitNormal(AccountKind kind) =>
        kind is AccountKind.BankPurse or AccountKind.EValueOutstanding or AccountKind.Cash;

    /// <summary>No account goes below zero on its normal side.</summary>
    public static AccountFlags DefaultFlags(AccountKind kind) =>
        IsDebitNormal(kind) ? AccountFlags.CreditsMustNotExceedDebits : AccountFlags.DebitsMustNotExceedCredits;

    /// <summary>True for the kinds a currency has exactly one of (see <see cref="Postings.BankChart"/>).</summary>
    public static bool IsSingleton(AccountKind kind) =>
        kind is not (AccountKind.BankPurse or AccountKind.Customer or AccountKind.Merchant);
}
