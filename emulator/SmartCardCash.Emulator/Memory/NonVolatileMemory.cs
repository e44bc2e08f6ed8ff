using System.Buffers.Binary;
using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator.Memory;

/// <summary>
/// The card's whole non-volatile memory (EEPROM / flash) as one byte image, with Java Card transactions built on a
/// redo journal and injectable power loss.
/// </summary>
/// <remarks>
/// <para>Layout of the image:</para>
/// <code>
/// [0, 8)                 commit record: u32 journal length (0 = nothing committed), u32 CRC-32 of those journal bytes
/// [8, 8 + C)             commit buffer (redo journal) of capacity C; entries: u32 address, u32 length, new bytes
/// [8 + C, end)           data area, cut into applet regions
/// </code>
/// <para>Mechanism (redo journal with a commit record written atomically):</para>
/// <list type="number">
/// <item>Inside a transaction every <c>Write</c> appends an entry to the journal (one physical write) and leaves the
/// home bytes alone. Reads overlay the transaction's entries on the home bytes, so they see their own writes.</item>
/// <item>Commit writes the commit record (one atomic physical write: the commit point), copies every entry to its
/// home address (one physical write each), then clears the commit record (atomic).</item>
/// <item>Abort forgets the entries: no physical write at all, since nothing reached the home bytes.</item>
/// <item>Power-up recovery: when the commit record is set it replays every entry and clears the record; otherwise
/// there is nothing to do (an uncommitted journal is garbage). Replaying writes absolute new values, so it is
/// idempotent: recovery torn by another power loss simply runs again at the next power-up and converges.</item>
/// <item>A <c>Write</c> outside a transaction is a transaction of its own (entry, commit record, apply, clear: four
/// physical writes), so it is atomic as Java Card's <c>Util.arrayCopy</c> on persistent memory is, and like it it can
/// exceed the commit buffer.</item>
/// </list>
/// <para>Every physical write has a global index and is offered to the <see cref="Tearing"/> plan first. A tear
/// keeps a prefix of a data write (commit records are atomic), throws <see cref="PowerLossException"/>, forgets all
/// RAM state and leaves the memory unpowered: every later operation throws <see cref="PowerLossException"/> until
/// <see cref="PowerUp"/>.</para>
/// </remarks>
public sealed class NonVolatileMemory
{
    public const int CommitRecordSize = 8;
    public const int JournalEntryHeaderSize = 8;
    public const int DefaultCommitBufferCapacity = 4096;

    private static readonly byte[] ClearedCommitRecord = new byte[CommitRecordSize];

    private readonly byte[] _image;
    private readonly List<JournalEntry> _journal = [];
    private int _journalUsed;
    private TearingPlan _tearing = TearingPlan.Never;
    private long _tearingArmedAt;

    /// <summary>A blank memory with <paramref name="dataSize"/> bytes for applet regions. It starts unpowered.</summary>
    public NonVolatileMemory(int dataSize, int commitBufferCapacity = DefaultCommitBufferCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dataSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(commitBufferCapacity, JournalEntryHeaderSize + 1);
        CommitBufferCapacity = commitBufferCapacity;
        _image = new byte[checked(CommitRecordSize + commitBufferCapacity + dataSize)];
    }

    /// <summary>Loads an image saved earlier with <see cref="CopyImage"/> (journal included). It starts unpowered.</summary>
    public NonVolatileMemory(ReadOnlySpan<byte> image, int commitBufferCapacity, long persistentWriteCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(commitBufferCapacity, JournalEntryHeaderSize + 1);
        ArgumentOutOfRangeException.ThrowIfNegative(persistentWriteCount);
        if (image.Length < CommitRecordSize + commitBufferCapacity)
        {
            throw new ArgumentException(
                $"an image of {image.Length} bytes cannot hold the commit record and a {commitBufferCapacity}-byte commit buffer",
                nameof(image));
        }
        CommitBufferCapacity = commitBufferCapacity;
        _image = image.ToArray();
        PersistentWriteCount = persistentWriteCount;
    }

    /// <summary>Size of the whole image in bytes (commit record, commit buffer and data area).</summary>
    public int Size => _image.Length;

    public int CommitBufferCapacity { get; }

    /// <summary>Physical address of the first byte of the data area.</summary>
    public int DataOffset => CommitRecordSize + CommitBufferCapacity;

    /// <summary>Bytes available for applet regions.</summary>
    public int DataSize => _image.Length - DataOffset;

    /// <summary>Physical writes attempted over the life of this image (a torn write counts).</summary>
    public long PersistentWriteCount { get; private set; }

    /// <summary>False before <see cref="PowerUp"/>, after <see cref="PowerDown"/> and after a tear.</summary>
    public bool IsPowered { get; private set; }

    public bool InTransaction { get; private set; }

    /// <summary>Journal bytes used by the open transaction.</summary>
    public int JournalBytesUsed => _journalUsed;

    /// <summary>The raw image, journal included, for inspection. Valid until the next write.</summary>
    public ReadOnlySpan<byte> Image => _image;

    /// <summary>True when the image holds a committed transaction that recovery has not applied yet.</summary>
    public bool HasCommittedJournal => BinaryPrimitives.ReadUInt32LittleEndian(_image) != 0;

    /// <summary>The power-loss plan. Setting it restarts <see cref="PersistentWrite.Index"/> at zero.</summary>
    public TearingPlan Tearing
    {
        get => _tearing;
        set
        {
            _tearing = value ?? TearingPlan.Never;
            _tearingArmedAt = PersistentWriteCount;
        }
    }

    /// <summary>A view of [<paramref name="offset"/>, +<paramref name="size"/>) of the data area as an applet's memory.</summary>
    public IPersistentMemory OpenRegion(int offset, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size > DataSize - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size,
                $"a region of {size} bytes at offset {offset} does not fit the {DataSize}-byte data area");
        }
        return new NvmRegion(this, DataOffset + offset, size);
    }

    /// <summary>
    /// Powers the memory up and runs recovery: a committed journal is replayed, anything else left by a power loss is
    /// discarded. Returns true when a committed transaction was replayed. Recovery writes are tearable; a tear throws
    /// <see cref="PowerLossException"/> and the next power-up runs recovery again.
    /// </summary>
    public bool PowerUp()
    {
        ForgetVolatileState();
        IsPowered = true;
        bool replayed = Recover();
        AssertQuiescent();
        return replayed;
    }

    /// <summary>Cuts the power cleanly between writes: an open transaction is lost, as on a real card.</summary>
    public void PowerDown()
    {
        ForgetVolatileState();
        IsPowered = false;
    }

    /// <summary>A copy of the whole image (journal included).</summary>
    public byte[] CopyImage() => (byte[])_image.Clone();

    /// <summary>Replaces the image (for example with a before-image). Only while unpowered.</summary>
    public void RestoreImage(ReadOnlySpan<byte> image)
    {
        if (IsPowered)
        {
            throw new InvalidOperationException("the memory image can only be restored while the card is unpowered");
        }
        if (image.Length != _image.Length)
        {
            throw new ArgumentException($"the image has {image.Length} bytes; this memory has {_image.Length}", nameof(image));
        }
        image.CopyTo(_image);
    }

    public void BeginTransaction()
    {
        EnsurePowered();
        if (InTransaction)
        {
            throw new InvalidOperationException("a transaction is already in progress: transactions do not nest");
        }
        Invariant.Holds(_journal.Count == 0 && _journalUsed == 0, "the journal is empty when a transaction begins");
        InTransaction = true;
    }

    public void CommitTransaction()
    {
        EnsurePowered();
        if (!InTransaction)
        {
            throw new InvalidOperationException("no transaction is in progress to commit");
        }
        CommitJournal();
        InTransaction = false;
    }

    public void AbortTransaction()
    {
        EnsurePowered();
        if (!InTransaction)
        {
            throw new InvalidOperationException("no transaction is in progress to abort");
        }
        // Nothing reached the home bytes and the commit record is clear: forgetting the entries is the whole abort.
        ForgetJournal();
        InTransaction = false;
    }

    /// <summary>Checks the state expected between commands: no transaction, empty journal, commit record clear.</summary>
    public void AssertQuiescent()
    {
        Invariant.Holds(IsPowered, "the memory is powered between commands");
        Invariant.Holds(!InTransaction, "no transaction is open between commands");
        Invariant.Holds(_journal.Count == 0 && _journalUsed == 0, "the journal is empty between commands");
        Invariant.Holds(!HasCommittedJournal && _image.AsSpan(0, CommitRecordSize).IndexOfAnyExcept((byte)0) < 0,
            "the commit record is clear between commands");
    }

    internal void ReadData(int address, Span<byte> destination)
    {
        EnsurePowered();
        Invariant.Holds(address >= DataOffset && address + destination.Length <= _image.Length, "reads stay in the data area");
        _image.AsSpan(address, destination.Length).CopyTo(destination);
        foreach (JournalEntry entry in _journal)
        {
            int start = Math.Max(address, entry.Address);
            int end = Math.Min(address + destination.Length, entry.Address + entry.Data.Length);
            if (start < end)
            {
                entry.Data.AsSpan(start - entry.Address, end - start).CopyTo(destination[(start - address)..]);
            }
        }
    }

    internal void WriteData(int address, ReadOnlySpan<byte> source)
    {
        EnsurePowered();
        Invariant.Holds(address >= DataOffset && address + source.Length <= _image.Length, "writes stay in the data area");
        if (source.IsEmpty)
        {
            return;
        }
        AppendJournal(address, source);
        if (!InTransaction)
        {
            CommitJournal();
        }
    }

    private void AppendJournal(int address, ReadOnlySpan<byte> data)
    {
        long needed = JournalEntryHeaderSize + (long)data.Length;
        if (needed > CommitBufferCapacity - _journalUsed)
        {
            throw new TransactionBufferFullException((int)Math.Min(needed, int.MaxValue), _journalUsed, CommitBufferCapacity);
        }
        var entry = new byte[JournalEntryHeaderSize + data.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)address);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), (uint)data.Length);
        data.CopyTo(entry.AsSpan(JournalEntryHeaderSize));
        PhysicalWrite(CommitRecordSize + _journalUsed, entry, PersistentWriteKind.JournalEntry);
        _journal.Add(new JournalEntry(address, data.ToArray()));
        _journalUsed += entry.Length;
    }

    private void CommitJournal()
    {
        if (_journal.Count == 0)
        {
            return;
        }
        // Every entry was written completely before this point (a torn one would have cut the power), so the CRC
        // recorded here is what recovery must find.
        Span<byte> record = stackalloc byte[CommitRecordSize];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)_journalUsed);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32.Compute(_image.AsSpan(CommitRecordSize, _journalUsed)));
        PhysicalWrite(0, record, PersistentWriteKind.CommitRecord);
        foreach (JournalEntry entry in _journal)
        {
            PhysicalWrite(entry.Address, entry.Data, PersistentWriteKind.Apply);
        }
        PhysicalWrite(0, ClearedCommitRecord, PersistentWriteKind.CommitClear);
        ForgetJournal();
    }

    private bool Recover()
    {
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(_image);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(4));
        if (length == 0)
        {
            Invariant.Holds(crc == 0, "a clear commit record is all zeros");
            return false;
        }
        Invariant.Holds(length <= CommitBufferCapacity, "the committed journal fits the commit buffer");
        ReadOnlySpan<byte> journal = _image.AsSpan(CommitRecordSize, (int)length);
        Invariant.Holds(Crc32.Compute(journal) == crc, "the committed journal matches the CRC in its commit record");

        // Parse everything before writing anything, so a malformed journal is caught before it does damage.
        var entries = new List<JournalEntry>();
        int position = 0;
        while (position < journal.Length)
        {
            Invariant.Holds(journal.Length - position >= JournalEntryHeaderSize, "a journal entry header is complete");
            uint address = BinaryPrimitives.ReadUInt32LittleEndian(journal[position..]);
            uint dataLength = BinaryPrimitives.ReadUInt32LittleEndian(journal[(position + 4)..]);
            position += JournalEntryHeaderSize;
            Invariant.Holds(dataLength <= (uint)(journal.Length - position), "a journal entry's data is complete");
            Invariant.Holds(address >= (uint)DataOffset && address + dataLength <= (uint)_image.Length,
                "a journal entry targets the data area");
            entries.Add(new JournalEntry((int)address, journal.Slice(position, (int)dataLength).ToArray()));
            position += (int)dataLength;
        }
        foreach (JournalEntry entry in entries)
        {
            PhysicalWrite(entry.Address, entry.Data, PersistentWriteKind.RecoveryApply);
        }
        PhysicalWrite(0, ClearedCommitRecord, PersistentWriteKind.RecoveryClear);
        return true;
    }

    /// <summary>The single place where bytes reach the image: counted, offered to the tearing plan, bounds-checked.</summary>
    private void PhysicalWrite(int address, ReadOnlySpan<byte> bytes, PersistentWriteKind kind)
    {
        Invariant.Holds(IsPowered, "physical writes happen only while powered");
        bool atomic = kind is PersistentWriteKind.CommitRecord or PersistentWriteKind.CommitClear or PersistentWriteKind.RecoveryClear;
        switch (kind)
        {
            case PersistentWriteKind.JournalEntry:
                Invariant.Holds(address >= CommitRecordSize && address + bytes.Length <= DataOffset, "journal writes stay in the commit buffer");
                break;
            case PersistentWriteKind.CommitRecord:
            case PersistentWriteKind.CommitClear:
            case PersistentWriteKind.RecoveryClear:
                Invariant.Holds(address == 0 && bytes.Length == CommitRecordSize, "commit record writes cover exactly the record");
                break;
            default:
                Invariant.Holds(address >= DataOffset && address + bytes.Length <= _image.Length, "data writes stay in the data area");
                break;
        }

        long globalIndex = PersistentWriteCount++;
        var write = new PersistentWrite(globalIndex - _tearingArmedAt, globalIndex, kind, address, bytes.Length, atomic);
        TearDecision decision = _tearing.Decide(write);
        if (!decision.Tear)
        {
            bytes.CopyTo(_image.AsSpan(address));
            return;
        }

        int written = 0;
        if (!atomic)
        {
            written = Math.Min(decision.BytesWritten, bytes.Length);
            bytes[..written].CopyTo(_image.AsSpan(address));
            if (decision.GarbageByte is byte garbage && written < bytes.Length)
            {
                _image[address + written] = garbage;
            }
        }
        ForgetVolatileState();
        IsPowered = false;
        throw new PowerLossException(
            $"power lost during persistent write #{globalIndex} ({kind}, {bytes.Length} bytes at {address}; {written} written)");
    }

    private void EnsurePowered()
    {
        if (!IsPowered)
        {
            throw new PowerLossException("the card has no power: its non-volatile memory cannot be used until power-up");
        }
    }

    private void ForgetJournal()
    {
        _journal.Clear();
        _journalUsed = 0;
    }

    private void ForgetVolatileState()
    {
        ForgetJournal();
        InTransaction = false;
    }
}
