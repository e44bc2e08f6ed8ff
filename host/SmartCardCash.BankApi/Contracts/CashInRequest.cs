namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/cash-in: a teller took <see cref="Amount"/> minor units of <see cref="Currency"/> in cash for
/// <see cref="Account"/>. <see cref="RequestId"/> is the client's: the same request again changes nothing (200), the
/// same ID with other content is refused (409).</summary>
public sealed record CashInRequest(string? RequestId, string? Account, long? Amount, string? Currency);
