namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/accounts: open a customer's or a merchant's account. <see cref="Kind"/> is <c>customer</c> or
/// <c>merchant</c>; a merchant has a <see cref="Fee"/>, a customer none. Opening it again with the same content is a
/// retry (200, no credential); with other content, 409.</summary>
public sealed record OpenAccountRequest(string? Id, string? Kind, string? Currency, FeeRateJson? Fee = null);
