namespace SmartCardCash.Cli.Output;

/// <summary>One transaction-log record: index 0 is the most recent. Counterparty is null for a mint.</summary>
internal sealed record TransactionJson(int Index, string Type, string? Counterparty, MoneyJson Amount, uint FromSeq, uint ToSeq,
    MoneyJson BalanceAfter, string? OrderDigest);
