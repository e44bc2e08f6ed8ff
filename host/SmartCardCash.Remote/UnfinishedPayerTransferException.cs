using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Remote;

/// <summary>
/// The card to be served holds an unfinished transfer as the payer (epr or epa): a listener will not serve it, because
/// a remote party could then fetch its val with RESUME or abort the transfer with START TO. Recover it first.
/// </summary>
public sealed class UnfinishedPayerTransferException(string message, PendingTransfer pending) : InvalidOperationException(message)
{
    /// <summary>The card's transfer state and payment details.</summary>
    public PendingTransfer Pending { get; } = pending;
}
