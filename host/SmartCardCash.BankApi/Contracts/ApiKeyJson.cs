namespace SmartCardCash.BankApi.Contracts;

/// <summary>An API key without its secret: what any listing shows.</summary>
public sealed record ApiKeyJson(string Id, string Role, string? MerchantAccount, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
