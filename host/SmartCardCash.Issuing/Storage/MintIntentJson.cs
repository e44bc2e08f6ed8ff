namespace SmartCardCash.Issuing.Storage;

/// <summary>
/// One line of <c>mint-intents.jsonl</c>: the mint fields of <see cref="MintRecordJson"/>, and <c>outcome</c>: null on
/// the intent line written before the MINT is sent, "minted" or "not-minted" on the line that closes it.
/// </summary>
internal sealed record MintIntentJson(string Time, string Purse, string Currency, uint Amount, uint Counter, string? Outcome);
