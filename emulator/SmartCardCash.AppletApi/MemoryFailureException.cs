namespace SmartCardCash.AppletApi;

/// <summary>
/// Persistent memory could not make a write: the transaction's writes do not fit the commit buffer
/// (the emulator's <c>TransactionBufferFullException</c>, Java Card's <c>TransactionException(BUFFER_FULL)</c>) or the
/// memory itself failed. Backends of <see cref="IPersistentMemory"/> throw it (or a subclass) for such failures.
/// The runtime answers <c>6581</c> (memory failure) and aborts the open transaction, as a Java Card applet does that
/// catches <c>TransactionException</c> in <c>process</c> and throws <c>ISOException(0x6581)</c>; it is not an applet
/// fault.
/// A backend throws it only when the failed write or commit certainly left its content as it was (the 6581 answer
/// promises that). A failure whose effect is unknown (a database commit that timed out, say) must not be reported as
/// this: it propagates as any other exception, the card answers 6F00, and hosts treat the outcome as unknown.
/// </summary>
public class MemoryFailureException : Exception
{
    public MemoryFailureException()
    {
    }

    public MemoryFailureException(string message) : base(message)
    {
    }

    public MemoryFailureException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
