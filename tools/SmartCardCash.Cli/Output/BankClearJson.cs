using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Output;

/// <summary><c>scc bank clear --json</c>: the journal uploaded, the torn lines it skipped, and the bank's answer line by
/// line (null when the journal held nothing to clear).</summary>
internal sealed record BankClearJson(string Journal, int TornLines, ClearingJson? Clearing);
