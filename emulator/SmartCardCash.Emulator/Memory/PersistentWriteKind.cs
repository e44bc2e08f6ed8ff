namespace SmartCardCash.Emulator.Memory;

/// <summary>What a physical write into the non-volatile memory image is for.</summary>
public enum PersistentWriteKind
{
    /// <summary>An entry appended to the commit buffer (redo journal): target address, length and the new bytes.</summary>
    JournalEntry,
    /// <summary>The commit record that makes a journaled transaction durable. Atomic.</summary>
    CommitRecord,
    /// <summary>A committed journal entry copied to its home address.</summary>
    Apply,
    /// <summary>The commit record cleared once every entry has been applied. Atomic.</summary>
    CommitClear,
    /// <summary>A committed journal entry copied to its home address again by power-up recovery.</summary>
    RecoveryApply,
    /// <summary>The commit record cleared by power-up recovery. Atomic.</summary>
    RecoveryClear,
}
