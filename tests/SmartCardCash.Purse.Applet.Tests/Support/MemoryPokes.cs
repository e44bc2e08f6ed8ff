using System.Buffers.Binary;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// Writes straight into a purse's region of the card's memory, for states no host could reach in a test's lifetime
/// (4 billion sequence numbers). Used sparingly and only to set counters.
/// </summary>
internal static class MemoryPokes
{
    public static void SetNextSeq(this PurseUnderTest purse, uint value) => WriteUInt32(purse, PurseLayout.NextSeq, value);

    public static void SetIssuerCounter(this PurseUnderTest purse, uint value) => WriteUInt32(purse, PurseLayout.IssuerCounter, value);

    private static void WriteUInt32(PurseUnderTest purse, int offset, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        purse.Card.WriteRegion(offset, bytes);
    }
}
