namespace SmartCardCash.BankApi.Contracts;

/// <summary>One of the bank's own purses: its balance and transfer state (<c>idle</c>, <c>expecting-req</c>…) as its
/// image says, and the payment holding it (<c>load:ID</c>, <c>deposit:ID</c>) or null when free.</summary>
public sealed record BankPurseJson(string Id, string Currency, long Balance, string State, string? HeldBy);
