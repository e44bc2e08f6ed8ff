namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/accounts: every account, by ID.</summary>
public sealed record AccountsJson(IReadOnlyList<AccountJson> Accounts);
