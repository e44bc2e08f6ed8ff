using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>
/// A tearing case run once uncut: its physical writes, where it commits, and the region (and host view) after each
/// commit — <see cref="States"/>[k] is what recovery must give when the power is lost after k commits.
/// </summary>
internal sealed record TearingReference(
    IReadOnlyList<PersistentWrite> Writes,
    IReadOnlyList<int> CommitRecordIndices,
    IReadOnlyList<byte[]> States,
    string BeforeView,
    string AfterView)
{
    /// <summary>The transactions that are durable when the power is lost at write <paramref name="index"/>: a commit
    /// record is atomic, so one torn itself does not count.</summary>
    public int CommitsBefore(int index) => CommitRecordIndices.Count(c => c < index);
}
