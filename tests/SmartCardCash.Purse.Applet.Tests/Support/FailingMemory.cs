using SmartCardCash.AppletApi;
using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// The purse's memory region with a failure to inject: the <see cref="FailAtWrite"/>-th write inside a transaction
/// throws (a full commit buffer, or a memory that reports a failure), once; everything else passes through.
/// </summary>
internal sealed class FailingMemory : IPersistentMemory
{
    private readonly IPersistentMemory _inner;
    private int _writesInTransaction;

    public FailingMemory(IPersistentMemory inner) => _inner = inner;

    /// <summary>1-based index of the transactional write that fails; 0 = none.</summary>
    public int FailAtWrite { get; set; }

    /// <summary>Throw <see cref="TransactionBufferFullException"/> rather than a plain <see cref="MemoryFailureException"/>.</summary>
    public bool AsBufferFull { get; set; }

    /// <summary>Transactional writes seen since the last <see cref="FailAtWrite"/> was set (to count a command's writes).</summary>
    public int TransactionalWrites => _writesInTransaction;

    public int Size => _inner.Size;

    public bool InTransaction => _inner.InTransaction;

    public void Arm(int failAtWrite, bool asBufferFull)
    {
        FailAtWrite = failAtWrite;
        AsBufferFull = asBufferFull;
        _writesInTransaction = 0;
    }

    public void Read(int offset, Span<byte> destination) => _inner.Read(offset, destination);

    public void Write(int offset, ReadOnlySpan<byte> source)
    {
        if (_inner.InTransaction && ++_writesInTransaction == FailAtWrite)
        {
            FailAtWrite = 0;
            throw AsBufferFull
                ? new TransactionBufferFullException(source.Length + NonVolatileMemory.JournalEntryHeaderSize, 0, source.Length)
                : new MemoryFailureException("write failed (injected by the test)");
        }
        _inner.Write(offset, source);
    }

    public void BeginTransaction() => _inner.BeginTransaction();

    public void CommitTransaction() => _inner.CommitTransaction();

    public void AbortTransaction() => _inner.AbortTransaction();
}
