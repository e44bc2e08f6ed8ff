using SmartCardCash.Emulator.Applets;

namespace SmartCardCash.Purse.Applet.Tests.Harness;

/// <summary>
/// Test double of the emulator's non-volatile memory: a byte region with real transaction semantics (writes inside a
/// transaction go to a working copy that becomes durable at commit and vanishes at abort or power loss) and an
/// injectable power loss at the n-th write. Outside a transaction every write is atomic on its own.
/// </summary>
internal sealed class JournaledMemory : IPersistentMemory
{
    private byte[] _durable;
    private byte[]? _working;
    private int _writesUntilTear;

    public JournaledMemory(int size) : this(new byte[size])
    {
    }

    private JournaledMemory(byte[] image)
    {
        _durable = image;
    }

    public int Size => _durable.Length;

    public bool InTransaction => _working is not null;

    /// <summary>True after an injected power loss, until <see cref="PowerUp"/>.</summary>
    public bool IsPoweredOff { get; private set; }

    /// <summary>Every write attempted since creation (torn ones included).</summary>
    public int WriteCount { get; private set; }

    /// <summary>A new memory holding a copy of <paramref name="image"/> (a card built from a snapshot).</summary>
    public static JournaledMemory FromImage(byte[] image) => new((byte[])image.Clone());

    public void Read(int offset, Span<byte> destination)
    {
        EnsurePowered();
        (_working ?? _durable).AsSpan(offset, destination.Length).CopyTo(destination);
    }

    public void Write(int offset, ReadOnlySpan<byte> source)
    {
        EnsurePowered();
        WriteCount++;
        if (_writesUntilTear > 0 && --_writesUntilTear == 0)
        {
            IsPoweredOff = true;
            throw new PowerLossException($"power lost during write {WriteCount} at offset {offset}");
        }
        source.CopyTo((_working ?? _durable).AsSpan(offset));
    }

    public void BeginTransaction()
    {
        EnsurePowered();
        if (_working is not null)
        {
            throw new InvalidOperationException("a transaction is already open; transactions do not nest.");
        }
        _working = (byte[])_durable.Clone();
    }

    public void CommitTransaction()
    {
        EnsurePowered();
        _durable = _working ?? throw new InvalidOperationException("no transaction to commit.");
        _working = null;
    }

    public void AbortTransaction()
    {
        EnsurePowered();
        if (_working is null)
        {
            throw new InvalidOperationException("no transaction to abort.");
        }
        _working = null;
    }

    /// <summary>The <paramref name="n"/>-th write from now (1 = the next) loses power before it lands.</summary>
    public void TearAtWrite(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _writesUntilTear = n;
    }

    /// <summary>Recovery: an interrupted transaction is rolled back, as the emulator's journal does.</summary>
    public void PowerUp()
    {
        _working = null;
        _writesUntilTear = 0;
        IsPoweredOff = false;
    }

    /// <summary>A copy of the durable bytes (what survives a power loss now).</summary>
    public byte[] Snapshot() => (byte[])_durable.Clone();

    private void EnsurePowered()
    {
        if (IsPoweredOff)
        {
            throw new PowerLossException("the card has no power");
        }
    }
}
