using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Payments;

/// <summary>The journal upload that ends <c>scc deposit</c>: the journal, the torn lines it skipped, the bank's answer
/// line by line (null when the journal held no payment, or when the upload failed) and, when it failed, why
/// (<see cref="NotUploaded"/>; the journal is kept as it was, for <c>scc bank clear</c>).</summary>
internal sealed record JournalUploadJson(string Journal, int TornLines, ClearingJson? Clearing, string? NotUploaded);
