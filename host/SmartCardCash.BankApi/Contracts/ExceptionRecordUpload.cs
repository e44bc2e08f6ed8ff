namespace SmartCardCash.BankApi.Contracts;

/// <summary>One signed exception record: <see cref="Record"/> is the 64-byte <c>reason ‖ PD</c> in hex,
/// <see cref="Signature"/> the purse's signature over it, in hex.</summary>
public sealed record ExceptionRecordUpload(string? Record, string? Signature);
