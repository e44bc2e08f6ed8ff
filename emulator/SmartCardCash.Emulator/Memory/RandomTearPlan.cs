namespace SmartCardCash.Emulator.Memory;

internal sealed class RandomTearPlan(ulong seed, double probability) : TearingPlan
{
    private SplitMix64 _random = new(seed);

    public override TearDecision Decide(in PersistentWrite write)
    {
        // Draw the same number of values for every write so the sequence does not depend on earlier outcomes.
        double draw = _random.NextDouble();
        int bytes = _random.NextInt(write.Length + 1);
        ulong garbage = _random.Next();
        if (draw >= probability)
        {
            return TearDecision.None;
        }
        return TearDecision.Torn(bytes, (garbage & 1) == 0 ? null : (byte)(garbage >> 8));
    }

    public override string ToString() => $"random (seed {seed}, p = {probability})";
}
