namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/bank-purses/{id}/mint: the issuer mints <see cref="Amount"/> minor units into the bank purse,
/// recorded in the ledger. <see cref="RequestId"/> is the mint's key: the same request again mints nothing more.</summary>
public sealed record MintRequest(string? RequestId, long? Amount);
