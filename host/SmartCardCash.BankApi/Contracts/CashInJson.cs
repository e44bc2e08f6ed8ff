namespace SmartCardCash.BankApi.Contracts;

/// <summary>A cash-in as recorded; <see cref="AlreadyRecorded"/> on a retry, which changed nothing.</summary>
public sealed record CashInJson(
    string RequestId,
    string TransferId,
    string Account,
    long Amount,
    string Currency,
    DateTimeOffset RecordedAt,
    bool AlreadyRecorded);
