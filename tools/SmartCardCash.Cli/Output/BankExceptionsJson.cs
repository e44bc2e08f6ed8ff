using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Output;

/// <summary><c>scc bank exceptions --json</c>: the card, a transfer aborted first (with --abort-transfer), the bank's
/// answer (null when the log was empty), whether the card took the clear authorisation, and if not why.</summary>
internal sealed record BankExceptionsJson(string Card, string Purse, AbortedTransferJson? Aborted, ExceptionUploadJson? Upload, bool Cleared,
    string? ClearRefused);
