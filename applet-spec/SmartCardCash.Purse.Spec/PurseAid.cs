namespace SmartCardCash.Purse.Spec;

/// <summary>The purse application's identity (spec 1.1).</summary>
public static class PurseAid
{
    private static readonly byte[] AidBytes = [0xF0, 0x53, 0x43, 0x43, 0x50, 0x55, 0x52, 0x53, 0x45, 0x01];

    /// <summary>The AID: proprietary RID category F0, ASCII "SCCPURSE", version 01.</summary>
    public static ReadOnlySpan<byte> Value => AidBytes;

    /// <summary>The applet version reported in tag 94 (major, minor).</summary>
    public const ushort AppletVersion = 0x0100;

    public static byte[] ToArray() => (byte[])AidBytes.Clone();

    public static bool Matches(ReadOnlySpan<byte> candidate) => candidate.SequenceEqual(AidBytes);
}
