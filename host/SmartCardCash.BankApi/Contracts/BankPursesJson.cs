namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/bank-purses: every bank purse, by ID.</summary>
public sealed record BankPursesJson(IReadOnlyList<BankPurseJson> Purses);
