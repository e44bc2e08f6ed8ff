namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// The two books of a currency. A transfer stays inside one book, so each book sums to zero on its own: the e-value
/// book proves minted = value in bank purses + e-value outstanding; the money book holds what the bank owes and holds.
/// </summary>
public enum LedgerBook
{
    /// <summary>Where electronic value is: minted, in the bank's purses, outstanding in purses outside the bank.</summary>
    EValue,

    /// <summary>Accounts of money: customers, merchants, the funds backing the e-value, suspense, fee income, cash.</summary>
    Money,
}
