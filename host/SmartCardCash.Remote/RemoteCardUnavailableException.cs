using SmartCardCash.Iso7816;

namespace SmartCardCash.Remote;

/// <summary>
/// The remote card cannot be reached at all when first opened: nobody listens there, or its card is busy with another
/// payment. Nothing was sent to any card. (A <see cref="ReaderUnavailableException"/>: scc exits 3.)
/// </summary>
public sealed class RemoteCardUnavailableException(string message, Exception? innerException = null)
    : ReaderUnavailableException(message, null, innerException);
