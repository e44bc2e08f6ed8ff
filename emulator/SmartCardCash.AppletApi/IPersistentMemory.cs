namespace SmartCardCash.AppletApi;

/// <summary>
/// Non-volatile memory as a Java Card applet sees it: a fixed-size byte region with all-or-nothing transactions
/// (<c>JCSystem.beginTransaction</c> / <c>commitTransaction</c> / <c>abortTransaction</c>).
/// </summary>
/// <remarks>
/// Outside a transaction each <see cref="Write"/> is atomic on its own (as <c>Util.arrayCopy</c> on persistent
/// arrays). Inside one, writes are journaled and become durable together at <see cref="CommitTransaction"/>; reads
/// see the transaction's own writes. Transactions do not nest. A write may throw <see cref="PowerLossException"/>
/// when the emulator injects a power loss; the card then recovers at the next power-up to the state before or after
/// the interrupted transaction. Other backends (a database for the bank's purses) implement the same contract.
/// </remarks>
public interface IPersistentMemory
{
    /// <summary>Size of the region in bytes.</summary>
    int Size { get; }

    bool InTransaction { get; }

    void Read(int offset, Span<byte> destination);

    void Write(int offset, ReadOnlySpan<byte> source);

    /// <summary>Starts a transaction. Throws <see cref="InvalidOperationException"/> if one is already open.</summary>
    void BeginTransaction();

    /// <summary>Makes every write since <see cref="BeginTransaction"/> durable at once.</summary>
    void CommitTransaction();

    /// <summary>Discards every write since <see cref="BeginTransaction"/>.</summary>
    void AbortTransaction();
}
