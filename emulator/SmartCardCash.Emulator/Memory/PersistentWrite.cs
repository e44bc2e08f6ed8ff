namespace SmartCardCash.Emulator.Memory;

/// <summary>One physical write into the non-volatile memory image, as a <see cref="TearingPlan"/> sees it before it happens.</summary>
/// <param name="Index">Zero-based index of this write counted from the moment the current tearing plan was set.</param>
/// <param name="GlobalIndex">Zero-based index of this write over the whole life of the memory image.</param>
/// <param name="Kind">What the write is for.</param>
/// <param name="Address">Physical address in the image.</param>
/// <param name="Length">Number of bytes written.</param>
/// <param name="IsAtomic">True when the write is all-or-nothing (commit records); a tear then writes nothing.</param>
public readonly record struct PersistentWrite(
    long Index, long GlobalIndex, PersistentWriteKind Kind, int Address, int Length, bool IsAtomic);
