namespace SmartCardCash.Purse.Spec;

/// <summary>READ LOG of the transaction log: index (0 = most recent) and record.</summary>
public sealed record TransactionLogEntry(int Index, TransactionRecord Record);
