namespace SmartCardCash.Cli.Output;

/// <summary>
/// <c>scc log --json</c>: <c>log</c> says which ("transactions", "exceptions", "pending"); the other parts are null.
/// <c>pendingMessage</c> is the type of the message RESUME would re-send (req, val, ack), or null.
/// <c>abortedTransfer</c> is the transfer <c>--exceptions --abort-transfer</c> aborted before reading, else null.
/// </summary>
internal sealed record LogJson(
    string Card,
    string? PurseId,
    string Log,
    IReadOnlyList<TransactionJson>? Transactions,
    IReadOnlyList<ExceptionRecordJson>? Exceptions,
    string? TransferState,
    PaymentJson? Payment,
    string? PendingMessage,
    AbortedTransferJson? AbortedTransfer);
