namespace SmartCardCash.Emulator.Memory;

/// <summary>RAM copy of one journal entry of the open transaction: the bytes that go to an absolute address.</summary>
internal readonly record struct JournalEntry(int Address, byte[] Data);
