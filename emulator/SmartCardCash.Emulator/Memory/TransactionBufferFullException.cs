namespace SmartCardCash.Emulator.Memory;

/// <summary>
/// The writes of one transaction (or one atomic write) do not fit the commit buffer: Java Card's
/// <c>TransactionException(BUFFER_FULL)</c>. The write is not journaled and the transaction stays open; when the
/// exception leaves the applet, the runtime aborts the transaction and answers <c>6581</c> (see
/// <see cref="AppletApi.MemoryFailureException"/>).
/// </summary>
public sealed class TransactionBufferFullException : AppletApi.MemoryFailureException
{
    public TransactionBufferFullException(int needed, int used, int capacity)
        : base($"the commit buffer is full: the write needs {needed} bytes of journal, {capacity - used} of {capacity} are free")
    {
        Needed = needed;
        Used = used;
        Capacity = capacity;
    }

    /// <summary>Journal bytes the refused write needed (entry header included).</summary>
    public int Needed { get; }

    /// <summary>Journal bytes already used by the transaction.</summary>
    public int Used { get; }

    /// <summary>Size of the commit buffer.</summary>
    public int Capacity { get; }
}
