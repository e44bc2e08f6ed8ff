namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/exceptions: a purse's whole exception log as READ LOG gave it (index 0 first), its certificate
/// (hex, as GET DATA gives it) and its issuer counter (GET DATA status). Each record is stored once by (purse, reason,
/// PD), so the same upload again changes nothing.</summary>
public sealed record ExceptionUploadRequest(string? Certificate, long? IssuerCounter, IReadOnlyList<ExceptionRecordUpload?>? Records);
