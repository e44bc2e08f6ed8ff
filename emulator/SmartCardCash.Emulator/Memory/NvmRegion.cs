using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator.Memory;

/// <summary>One applet's window on the card's non-volatile memory. Transactions are card-wide.</summary>
internal sealed class NvmRegion : IPersistentMemory
{
    private readonly NonVolatileMemory _memory;
    private readonly int _start;

    public NvmRegion(NonVolatileMemory memory, int start, int size)
    {
        _memory = memory;
        _start = start;
        Size = size;
    }

    public int Size { get; }

    public bool InTransaction => _memory.InTransaction;

    public void Read(int offset, Span<byte> destination)
    {
        CheckRange(offset, destination.Length);
        _memory.ReadData(_start + offset, destination);
    }

    public void Write(int offset, ReadOnlySpan<byte> source)
    {
        CheckRange(offset, source.Length);
        _memory.WriteData(_start + offset, source);
    }

    public void BeginTransaction() => _memory.BeginTransaction();

    public void CommitTransaction() => _memory.CommitTransaction();

    public void AbortTransaction() => _memory.AbortTransaction();

    private void CheckRange(int offset, int length)
    {
        if (offset < 0 || offset > Size || length > Size - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset,
                $"{length} bytes at offset {offset} do not fit the {Size}-byte persistent memory region");
        }
    }
}
