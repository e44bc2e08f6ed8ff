namespace SmartCardCash.BankApi.Contracts;

/// <summary>One archived exception record. <see cref="Reason"/> is <c>01</c> (the payer aborted after its debit) or
/// <c>02</c> (the payee aborted before its credit); <see cref="Classification"/> is <c>refunded</c> (definitely lost,
/// refunded once to the payer's account), <c>owed</c> (definitely lost, held for an operator), <c>maybe-lost</c>,
/// <c>awaiting-payer-record</c> or <c>arrived</c>.</summary>
public sealed record ArchivedRecordJson(
    int Index,
    string Reason,
    string Payer,
    string Payee,
    long FromSeq,
    long ToSeq,
    long Amount,
    string Currency,
    bool AlreadyArchived,
    string Classification);
