namespace SmartCardCash.BankApi.Contracts;

/// <summary>The issuer-signed CLEAR EXCEPTION LOG: for <see cref="Purse"/> at <see cref="IssuerCounter"/>, clearing
/// exactly the records whose digest is <see cref="LogDigest"/> (hex); <see cref="Signature"/> is the issuer's (hex).
/// The card refuses it if its log or counter changed since the upload.</summary>
public sealed record ClearAuthorisationJson(string Purse, long IssuerCounter, string LogDigest, string Signature);
