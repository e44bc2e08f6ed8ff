namespace SmartCardCash.Emulator.Memory;

internal sealed class NeverTearPlan : TearingPlan
{
    public override TearDecision Decide(in PersistentWrite write) => TearDecision.None;

    public override string ToString() => "never";
}
