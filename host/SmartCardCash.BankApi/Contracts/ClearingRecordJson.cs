namespace SmartCardCash.BankApi.Contracts;

/// <summary>One journal line cleared: <see cref="Status"/> is <c>cleared</c>, <c>already-cleared</c>,
/// <c>clone-detected</c> or <c>refused</c> (with <see cref="Refusal"/>: <c>malformed</c>, <c>unknown-purse</c>,
/// <c>certificate-refused</c>, <c>signature-invalid</c>); the payment's purse IDs when the line could be read, never an
/// account.</summary>
public sealed record ClearingRecordJson(
    int Index,
    string Status,
    string? Payer,
    long? FromSeq,
    string? Payee,
    long? Amount,
    string? Currency,
    string? Refusal,
    string Message);
