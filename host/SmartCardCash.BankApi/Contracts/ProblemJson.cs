namespace SmartCardCash.BankApi.Contracts;

/// <summary>An RFC 7807 problem as the service writes it: <see cref="Field"/> names the request field at fault, if one
/// is; <see cref="Reason"/> the bank's refusal (a ledger or access refusal's name), if there is one.</summary>
public sealed record ProblemJson(string? Type, string? Title, int? Status, string? Detail, string? Field = null, string? Reason = null);
