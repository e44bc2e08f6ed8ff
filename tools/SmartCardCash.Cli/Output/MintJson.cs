namespace SmartCardCash.Cli.Output;

/// <summary>
/// <c>scc mint --json</c>: the mint the purse accepted and the journal line written; <c>reconciled</c>, the earlier
/// open mint intents of this purse settled first (one sentence each); <c>abortedTransfer</c>, the transfer
/// <c>--abort-transfer</c> aborted, else null.
/// </summary>
internal sealed record MintJson(string Card, string PurseId, MoneyJson Amount, uint IssuerCounter, MoneyJson Balance, string Journal,
    IReadOnlyList<string> Reconciled, AbortedTransferJson? AbortedTransfer);
