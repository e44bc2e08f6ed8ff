namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/keys: a new API key. <see cref="Role"/> is <c>operator</c>, <c>terminal</c> or
/// <c>merchant-terminal</c>; a merchant terminal's key names its <see cref="MerchantAccount"/>, no other does.</summary>
public sealed record IssueKeyRequest(string? Role, string? MerchantAccount = null, string? Label = null);
