namespace SmartCardCash.Emulator.Memory;

internal sealed class WriteIndexTearPlan(long index, int? bytesWritten, byte? garbageByte) : TearingPlan
{
    public override TearDecision Decide(in PersistentWrite write) =>
        write.Index == index
            ? TearDecision.Torn(Math.Min(bytesWritten ?? write.Length / 2, write.Length), garbageByte)
            : TearDecision.None;

    public override string ToString() => $"at write {index}";
}
