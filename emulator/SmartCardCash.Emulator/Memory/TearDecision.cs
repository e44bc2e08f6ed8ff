namespace SmartCardCash.Emulator.Memory;

/// <summary>
/// What a <see cref="TearingPlan"/> decides for one physical write: let it happen, or cut the power during it.
/// </summary>
/// <remarks>
/// A torn data write leaves its first <see cref="BytesWritten"/> bytes new and the rest old, except that
/// <see cref="GarbageByte"/>, when given, lands on the first unwritten byte: an EEPROM cell caught half programmed.
/// A torn atomic write (a commit record) writes nothing at all.
/// </remarks>
public readonly record struct TearDecision(bool Tear, int BytesWritten, byte? GarbageByte)
{
    /// <summary>The write completes normally.</summary>
    public static TearDecision None => default;

    /// <summary>Power is lost during the write after <paramref name="bytesWritten"/> bytes reached the memory.</summary>
    public static TearDecision Torn(int bytesWritten, byte? garbageByte = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesWritten);
        return new TearDecision(true, bytesWritten, garbageByte);
    }
}
