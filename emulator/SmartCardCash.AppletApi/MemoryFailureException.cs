namespace SmartCardCash.AppletApi;

/// <summary>
/// Persistent memory could not make a write: the transaction's writes do not fit the commit buffer
/// (the emulator's <c>TransactionBufferFullException</c>, Java Card's <c>TransactionException(BUFFER_FULL)</c>) or the
/// memory itself failed. Backends of <see cref="IPersistentMemory"/> throw it (or a subclass) for such failures.
/// The runtime answers <c>6581</c> (memory failure) and aborts the open transaction, as a Java Card applet does that
/// catches <c>TransactionException</c> in <c>process</c> and throws <c>ISOException(0x6581)</c>; it is not an applet
/// fault.
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
