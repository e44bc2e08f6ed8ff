using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// Loses power at the <paramref name="n"/>-th commit record from now (1 = the next): the transactions before it are
/// durable, that one never commits. Names the cut by meaning rather than by a raw write index.
/// </summary>
internal sealed class TearAtCommitRecord(int n) : TearingPlan
{
    private int _seen;

    public override TearDecision Decide(in PersistentWrite write) =>
        write.Kind == PersistentWriteKind.CommitRecord && ++_seen == n ? TearDecision.Torn(0) : TearDecision.None;
}
