namespace SmartCardCash.Cli.Output;

/// <summary>One exception-log record (index 0 is the oldest); its signature was verified against the purse's certificate.</summary>
internal sealed record ExceptionRecordJson(int Index, string Reason, string From, string To, MoneyJson Amount, uint FromSeq,
    uint ToSeq, string Signature);
