namespace SmartCardCash.Emulator.Memory;

/// <summary>
/// Decides, for every physical write into the non-volatile memory, whether the card loses power during it.
/// Deterministic: the same plan over the same sequence of writes tears at the same place.
/// </summary>
/// <remarks>
/// Setting a plan on a memory (or card) restarts <see cref="PersistentWrite.Index"/> at zero, so
/// <c>AtWrite(i)</c> means "the i-th write from now". The usual enumeration: run a command once and count its writes
/// W; then for every i in 0..W-1 restore the before-image, set <c>AtWrite(i)</c>, run the command, power up, check.
/// </remarks>
public abstract class TearingPlan
{
    /// <summary>Never tears.</summary>
    public static TearingPlan Never { get; } = new NeverTearPlan();

    /// <summary>
    /// Tears once, at the write with index <paramref name="index"/> (counted from when the plan is set). A data write
    /// keeps <paramref name="bytesWritten"/> of its bytes (default: half of them, rounded down).
    /// </summary>
    public static TearingPlan AtWrite(long index, int? bytesWritten = null, byte? garbageByte = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (bytesWritten is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytesWritten), bytesWritten, "bytes written cannot be negative");
        }
        return new WriteIndexTearPlan(index, bytesWritten, garbageByte);
    }

    /// <summary>
    /// Tears each write with probability <paramref name="probability"/>, drawing from a generator seeded with
    /// <paramref name="seed"/>; the number of bytes a torn data write keeps, and whether it leaves a garbage byte,
    /// come from the same generator. Stays armed after a tear, so recovery itself can be torn.
    /// </summary>
    public static TearingPlan Random(ulong seed, double probability)
    {
        if (!(probability is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability lies between 0 and 1");
        }
        return new RandomTearPlan(seed, probability);
    }

    /// <summary>Called once before every physical write, in order.</summary>
    public abstract TearDecision Decide(in PersistentWrite write);
}
