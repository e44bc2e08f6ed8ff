namespace SmartCardCash.AppletApi;

/// <summary>
/// A plain <see cref="IPersistentMemory"/> over a byte array: the reference behaviour of the contract without any
/// physical model (no journal, no tearing, no capacity limit). Use it to run an applet off-card in unit tests, and
/// as the model that other backends (for example the bank's database-backed purses) are checked against.
/// </summary>
/// <remarks>A transaction keeps a copy of the bytes taken at <see cref="BeginTransaction"/> and puts it back on abort.</remarks>
public sealed class InMemoryPersistentMemory : IPersistentMemory
{
    private readonly byte[] _bytes;
    private byte[]? _beforeTransaction;

    public InMemoryPersistentMemory(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _bytes = new byte[size];
    }

    public InMemoryPersistentMemory(ReadOnlySpan<byte> initialContent)
    {
        _bytes = initialContent.ToArray();
    }

    public int Size => _bytes.Length;

    public bool InTransaction => _beforeTransaction is not null;

    /// <summary>A copy of the current content (the transaction's own writes included).</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    public void Read(int offset, Span<byte> destination)
    {
        CheckRange(offset, destination.Length);
        _bytes.AsSpan(offset, destination.Length).CopyTo(destination);
    }

    public void Write(int offset, ReadOnlySpan<byte> source)
    {
        CheckRange(offset, source.Length);
        source.CopyTo(_bytes.AsSpan(offset));
    }

    public void BeginTransaction()
    {
        if (InTransaction)
        {
            throw new InvalidOperationException("a transaction is already in progress: transactions do not nest");
        }
        _beforeTransaction = (byte[])_bytes.Clone();
    }

    public void CommitTransaction()
    {
        if (!InTransaction)
        {
            throw new InvalidOperationException("no transaction is in progress to commit");
        }
        _beforeTransaction = null;
    }

    public void AbortTransaction()
    {
        byte[] before = _beforeTransaction ?? throw new InvalidOperationException("no transaction is in progress to abort");
        before.CopyTo(_bytes, 0);
        _beforeTransaction = null;
    }

    private void CheckRange(int offset, int length)
    {
        if (offset < 0 || offset > Size || length > Size - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset,
                $"{length} bytes at offset {offset} do not fit the {Size}-byte persistent memory");
        }
    }
}
