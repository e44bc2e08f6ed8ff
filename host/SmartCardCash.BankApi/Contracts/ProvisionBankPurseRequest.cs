namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/bank-purses: the operator has the issuer personalise a new bank purse for <see cref="Currency"/>.</summary>
public sealed record ProvisionBankPurseRequest(string? Currency);
