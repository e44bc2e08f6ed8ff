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

    /// <summary>The kind as the API and the sentences name it: <c>customer</c>, <c>bank-purse</c>, <c>e-value-outstanding</c>…</summary>
    public static string Name(AccountKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>The kind with its article, for a sentence: "a customer", "an e-value-outstanding".</summary>
    public static string WithArticle(AccountKind kind)
    {
        string name = Name(kind);
        return ("aeiou".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
    }
}
