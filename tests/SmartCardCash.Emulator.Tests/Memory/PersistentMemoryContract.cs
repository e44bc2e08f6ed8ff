namespace SmartCardCash.Emulator.Tests.Memory;

/// <summary>
/// The <see cref="IPersistentMemory"/> contract as applets rely on it. Every implementation runs these tests; a new
/// backend (the bank's database one) can copy this class.
/// </summary>
public abstract class PersistentMemoryContract
{
    protected abstract IPersistentMemory Create(int size);

    [Fact]
    public void A_new_memory_is_zeroed_and_has_its_size()
    {
        IPersistentMemory memory = Create(100);
        Assert.Equal(100, memory.Size);
        Assert.Equal(new byte[100], memory.ReadAll());
        Assert.False(memory.InTransaction);
    }

    [Fact]
    public void Commit_keeps_and_abort_discards_the_transaction_writes()
    {
        IPersistentMemory memory = Create(16);
        memory.BeginTransaction();
        memory.Write(0, [1, 2]);
        memory.CommitTransaction();
        memory.BeginTransaction();
        memory.Write(1, [9, 9]);
        Assert.Equal([1, 9, 9], memory.ReadAll()[..3]);
        memory.AbortTransaction();
        Assert.Equal([1, 2, 0], memory.ReadAll()[..3]);
    }

    [Fact]
    public void Transactions_do_not_nest()
    {
        IPersistentMemory memory = Create(16);
        memory.BeginTransaction();
        Assert.Throws<InvalidOperationException>(memory.BeginTransaction);
        memory.AbortTransaction();
        Assert.Throws<InvalidOperationException>(memory.AbortTransaction);
        Assert.Throws<InvalidOperationException>(memory.CommitTransaction);
    }

    [Fact]
    public void Accesses_outside_the_region_are_refused()
    {
        IPersistentMemory memory = Create(8);
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Write(7, [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Read(9, Span<byte>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Read(-1, new byte[1]));
    }
}
