namespace SmartCardCash.Settlement.Archive;

/// <summary>The archive refused an upload, for <see cref="Reason"/>, said in one sentence. Nothing was stored or posted.</summary>
public sealed class ArchiveRefusedException(ArchiveRefusal reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public ArchiveRefusal Reason { get; } = reason;
}
