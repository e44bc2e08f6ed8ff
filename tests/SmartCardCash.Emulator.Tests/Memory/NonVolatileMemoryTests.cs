namespace SmartCardCash.Emulator.Tests.Memory;

public sealed class NonVolatileMemoryTests
{
    private static NonVolatileMemory NewMemory(int dataSize = 256, int commitBufferCapacity = 512)
    {
        var memory = new NonVolatileMemory(dataSize, commitBufferCapacity);
        memory.PowerUp();
        return memory;
    }

    [Fact]
    public void Committed_writes_survive_a_power_cycle()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 64);
        region.BeginTransaction();
        region.Write(0, [1, 2, 3]);
        region.Write(10, [4, 5]);
        region.CommitTransaction();
        memory.PowerDown();
        memory.PowerUp();

        byte[] content = region.ReadAll();
        Assert.Equal([1, 2, 3], content[..3]);
        Assert.Equal([4, 5], content[10..12]);
        Assert.False(region.InTransaction);
    }

    [Fact]
    public void Abort_discards_every_write_and_writes_nothing_physically()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 64);
        region.Write(0, [9, 9, 9]);
        region.BeginTransaction();
        region.Write(0, [1, 2, 3]);
        region.Write(1, [7]);
        long writesBeforeAbort = memory.PersistentWriteCount;
        region.AbortTransaction();

        Assert.Equal(writesBeforeAbort, memory.PersistentWriteCount);
        Assert.Equal([9, 9, 9], region.ReadAll()[..3]);
        Assert.False(memory.HasCommittedJournal);
    }

    [Fact]
    public void An_open_transaction_is_lost_at_power_down()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 16);
        region.BeginTransaction();
        region.Write(0, [1, 2, 3, 4]);
        memory.PowerDown();
        memory.PowerUp();

        Assert.Equal(new byte[16], region.ReadAll());
        Assert.False(region.InTransaction);
    }

    [Fact]
    public void Transactions_do_not_nest_and_commit_or_abort_need_one()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 16);
        Assert.Throws<InvalidOperationException>(region.CommitTransaction);
        Assert.Throws<InvalidOperationException>(region.AbortTransaction);
        region.BeginTransaction();
        Assert.Throws<InvalidOperationException>(region.BeginTransaction);
        Assert.True(region.InTransaction);
    }

    [Fact]
    public void Transactions_are_card_wide_across_regions()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory first = memory.OpenRegion(0, 16);
        IPersistentMemory second = memory.OpenRegion(16, 16);
        first.BeginTransaction();
        Assert.True(second.InTransaction);
        second.Write(0, [5]);
        first.AbortTransaction();
        Assert.Equal(0, second.ReadAll()[0]);
    }

    [Fact]
    public void Reads_inside_a_transaction_see_its_own_overlapping_writes()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 32);
        region.Write(0, Enumerable.Repeat((byte)0xAA, 16).ToArray());
        region.BeginTransaction();
        region.Write(2, [1, 1, 1, 1, 1, 1]);
        region.Write(5, [2, 2, 2, 2]);
        region.Write(0, [3]);

        byte[] expected = [3, 0xAA, 1, 1, 1, 2, 2, 2, 2, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA];
        var window = new byte[16];
        region.Read(0, window);
        Assert.Equal(expected, window);
        var middle = new byte[4];
        region.Read(4, middle);
        Assert.Equal(expected[4..8], middle);

        region.CommitTransaction();
        region.Read(0, window);
        Assert.Equal(expected, window);
    }

    [Fact]
    public void A_plain_write_is_a_transaction_of_its_own_with_four_physical_writes()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 16);
        long before = memory.PersistentWriteCount;
        region.Write(3, [1, 2, 3, 4, 5]);
        Assert.Equal(4, memory.PersistentWriteCount - before);
        Assert.Equal([1, 2, 3, 4, 5], region.ReadAll()[3..8]);
        memory.AssertQuiescent();
    }

    [Fact]
    public void A_plain_write_is_atomic_under_a_tear_at_each_of_its_writes()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 16);
        region.Write(0, Enumerable.Repeat((byte)0x11, 16).ToArray());
        memory.PowerDown();
        byte[] beforeImage = memory.CopyImage();
        byte[] after = Enumerable.Repeat((byte)0x22, 16).ToArray();

        for (int tear = 0; tear < 4; tear++)
        {
            memory.RestoreImage(beforeImage);
            memory.PowerUp();
            memory.Tearing = TearingPlan.AtWrite(tear, bytesWritten: 5, garbageByte: 0xEE);
            Assert.Throws<PowerLossException>(() => region.Write(0, after));
            memory.Tearing = TearingPlan.Never;
            memory.PowerUp();

            byte[] content = region.ReadAll();
            // Writes 0 (journal) and 1 (commit record, atomic) happen before the commit point.
            Assert.Equal(tear <= 1 ? Enumerable.Repeat((byte)0x11, 16).ToArray() : after, content);
            memory.PowerDown();
        }
    }

    [Fact]
    public void Writes_beyond_the_commit_buffer_throw_buffer_full_and_keep_the_transaction_open()
    {
        NonVolatileMemory memory = NewMemory(dataSize: 1024, commitBufferCapacity: 100);
        IPersistentMemory region = memory.OpenRegion(0, 1024);
        region.BeginTransaction();
        region.Write(0, new byte[50]);
        TransactionBufferFullException full = Assert.Throws<TransactionBufferFullException>(() => region.Write(100, new byte[40]));
        Assert.Equal(48, full.Needed);
        Assert.Equal(58, full.Used);
        Assert.Equal(100, full.Capacity);
        Assert.True(region.InTransaction);
        region.Write(100, new byte[34]); // exactly fills the buffer: 58 + 8 + 34 = 100
        region.AbortTransaction();

        long before = memory.PersistentWriteCount;
        Assert.Throws<TransactionBufferFullException>(() => region.Write(0, Enumerable.Repeat((byte)1, 93).ToArray()));
        Assert.Equal(before, memory.PersistentWriteCount);
        Assert.Equal(new byte[1024], region.ReadAll());
    }

    [Fact]
    public void Out_of_range_accesses_are_refused()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(10, 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => region.Write(15, [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => region.Read(-1, new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.OpenRegion(250, 16));
    }

    [Fact]
    public void An_unpowered_memory_refuses_every_operation_with_power_loss()
    {
        var memory = new NonVolatileMemory(64);
        IPersistentMemory region = memory.OpenRegion(0, 64);
        Assert.Throws<PowerLossException>(() => region.Read(0, new byte[1]));
        Assert.Throws<PowerLossException>(() => region.Write(0, [1]));
        Assert.Throws<PowerLossException>(region.BeginTransaction);
    }

    [Fact]
    public void A_torn_data_write_keeps_a_prefix_and_a_garbage_byte_until_recovery_replays_it()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 16);
        region.Write(0, Enumerable.Repeat((byte)0x11, 8).ToArray());
        byte[] after = [1, 2, 3, 4, 5, 6, 7, 8];

        // A single-entry transaction: journal (0), commit record (1), apply (2), clear (3). Tear the apply.
        memory.Tearing = TearingPlan.AtWrite(2, bytesWritten: 3, garbageByte: 0xEE);
        Assert.Throws<PowerLossException>(() => region.Write(0, after));
        Assert.False(memory.IsPowered);
        Assert.True(memory.HasCommittedJournal);
        ReadOnlySpan<byte> home = memory.Image.Slice(memory.DataOffset, 8);
        Assert.Equal([1, 2, 3, 0xEE, 0x11, 0x11, 0x11, 0x11], home.ToArray());

        memory.Tearing = TearingPlan.Never;
        Assert.True(memory.PowerUp());
        Assert.Equal(after, region.ReadAll()[..8]);
        Assert.False(memory.HasCommittedJournal);
    }

    [Fact]
    public void A_torn_atomic_commit_record_writes_nothing()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 16);
        memory.Tearing = TearingPlan.AtWrite(1, bytesWritten: 8);
        Assert.Throws<PowerLossException>(() => region.Write(0, [1, 2, 3]));
        Assert.False(memory.HasCommittedJournal);
        Assert.Equal(new byte[8], memory.Image[..8].ToArray());
    }

    [Fact]
    public void Recovery_refuses_a_committed_journal_whose_crc_does_not_match()
    {
        NonVolatileMemory memory = NewMemory();
        IPersistentMemory region = memory.OpenRegion(0, 16);
        memory.Tearing = TearingPlan.AtWrite(2);
        Assert.Throws<PowerLossException>(() => region.Write(0, [1, 2, 3]));
        byte[] image = memory.CopyImage();
        image[NonVolatileMemory.CommitRecordSize + NonVolatileMemory.JournalEntryHeaderSize] ^= 0xFF;
        memory.RestoreImage(image);
        memory.Tearing = TearingPlan.Never;

        EmulatorInvariantException error = Assert.Throws<EmulatorInvariantException>(() => memory.PowerUp());
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memory_loaded_from_an_image_recovers_the_committed_journal_it_holds()
    {
        NonVolatileMemory memory = NewMemory();
        memory.Tearing = TearingPlan.AtWrite(2, bytesWritten: 0);
        Assert.Throws<PowerLossException>(() => memory.OpenRegion(0, 16).Write(4, [7, 7]));

        var reloaded = new NonVolatileMemory(memory.Image, memory.CommitBufferCapacity, memory.PersistentWriteCount);
        Assert.True(reloaded.PowerUp());
        var bytes = new byte[2];
        reloaded.OpenRegion(0, 16).Read(4, bytes);
        Assert.Equal([7, 7], bytes);
        Assert.Equal(memory.PersistentWriteCount + 2, reloaded.PersistentWriteCount);
    }
}
