namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/keys: every key, oldest first, without secrets.</summary>
public sealed record KeysJson(IReadOnlyList<ApiKeyJson> Keys);
