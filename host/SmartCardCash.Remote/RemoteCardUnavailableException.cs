using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Remote;

/// <summary>
/// The remote card cannot be reached at all when first opened: nobody listens there, or its card is busy with another
/// payment. Nothing was sent to any card. (A <see cref="ReaderUnavailableException"/>: scc exits 3.)
/// </summary>
public sealed class RemoteCardUnavailableException(string message, Exception? innerException = null, bool isBusy = false)
    : ReaderUnavailableException(message, null, innerException)
{
    /// <summary>
    /// The listener is there but its card is held by another connection — perhaps a stalled one of the same
    /// payment, which the listener lets go within its wait for the next command. Trying again later can succeed.
    /// </summary>
    public bool IsBusy { get; } = isBusy;
}
