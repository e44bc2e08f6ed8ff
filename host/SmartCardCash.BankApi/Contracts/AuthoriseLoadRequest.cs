namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/loads: a terminal asks the bank to load exactly <see cref="Amount"/> minor units of
/// <see cref="Currency"/> from <see cref="Account"/> onto the card whose purse is <see cref="Payee"/> (16 hex digits).
/// The account holder's credential goes in the <c>X-Holder-Credential</c> header. <see cref="RequestId"/> is the
/// terminal's: the same request again returns the same load (200), other content under it is refused (409).</summary>
public sealed record AuthoriseLoadRequest(string? RequestId, string? Account, string? Payee, string? Currency, long? Amount);
