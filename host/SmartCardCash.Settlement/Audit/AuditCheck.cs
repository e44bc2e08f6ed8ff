namespace SmartCardCash.Settlement.Audit;

/// <summary>What the audit checks; each finding names the check that failed.</summary>
public enum AuditCheck
{
    /// <summary>An account's stored totals equal the sums of its transfers.</summary>
    BalanceMatchesTransfers,

    /// <summary>An account's totals honour its flags and are never negative.</summary>
    AccountRules,

    /// <summary>A transfer is in its accounts' currency, inside one book, and a post or void matches its pending transfer.</summary>
    TransferConsistent,

    /// <summary>Per currency and book, the debits equal the credits (every posting sums to zero).</summary>
    BooksBalance,

    /// <summary>Minted (net) = value in bank purses + e-value outstanding.</summary>
    EValueAccountedFor,

    /// <summary>The funds backing e-value (float + suspense) = e-value outstanding.</summary>
    EValueBacked,
}
