namespace SmartCardCash.Emulator.Tests.Memory;

/// <summary>A plan that never tears and records every physical write it is shown (a custom plan, as users may write).</summary>
internal sealed class RecordingTearingPlan : TearingPlan
{
    public List<PersistentWrite> Writes { get; } = [];

    public override TearDecision Decide(in PersistentWrite write)
    {
        Writes.Add(write);
        return TearDecision.None;
    }
}
