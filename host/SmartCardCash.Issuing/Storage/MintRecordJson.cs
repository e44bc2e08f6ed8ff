namespace SmartCardCash.Issuing.Storage;

/// <summary>
/// One line of <c>mint-journal.jsonl</c>: time (ISO 8601 UTC), purse ID (hex), currency (alpha code, or the 4 hex
/// digits of an unknown code), amount in minor units, the issuer counter the mint used.
/// </summary>
internal sealed record MintRecordJson(string Time, string Purse, string Currency, uint Amount, uint Counter);
