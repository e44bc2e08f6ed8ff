namespace SmartCardCash.BankApi.Contracts;

/// <summary>An exception upload archived: each record and what it means now, and the issuer-signed CLEAR EXCEPTION
/// LOG for exactly these records, for the terminal to send to the card. Purse IDs only, never an account.</summary>
public sealed record ExceptionUploadJson(string Purse, IReadOnlyList<ArchivedRecordJson> Records, ClearAuthorisationJson ClearAuthorisation);
