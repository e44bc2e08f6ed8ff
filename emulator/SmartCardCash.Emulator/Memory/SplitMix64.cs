namespace SmartCardCash.Emulator.Memory;

/// <summary>
/// A tiny deterministic generator (SplitMix64). Used instead of <see cref="System.Random"/> so that a seed means the
/// same sequence on every .NET version and platform.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1) built from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, exclusiveMax).</summary>
    public int NextInt(int exclusiveMax) => exclusiveMax <= 0 ? 0 : (int)(Next() % (ulong)exclusiveMax);
}
