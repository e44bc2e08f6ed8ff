namespace SmartCardCash.Purse.Spec;

/// <summary>The logs READ LOG reads, by P2 (spec 5.15).</summary>
public enum PurseLogKind : byte
{
    /// <summary>Transaction log: record 0 is the most recent.</summary>
    Transactions = 0x01,
    /// <summary>Exception log: record 0 is the oldest. Reading it aborts a transfer in progress.</summary>
    Exceptions = 0x02,
}
