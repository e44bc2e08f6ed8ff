namespace SmartCardCash.Journal;

/// <summary>What a journal holds, oldest first, and how many torn records (cut short by a crash or a full disk) it skipped.</summary>
public sealed record JournalContents(IReadOnlyList<JournalEntry> Entries, int TornRecords);
