namespace SmartCardCash.Emulator;

/// <summary>One entry of a card's applet registry: AID, applet type and its region of non-volatile memory.</summary>
public sealed class InstalledApplet
{
    private readonly byte[] _aid;

    internal InstalledApplet(ReadOnlySpan<byte> aid, string appletType, int regionOffset, int regionSize)
    {
        _aid = aid.ToArray();
        AppletType = appletType;
        RegionOffset = regionOffset;
        RegionSize = regionSize;
    }

    public ReadOnlyMemory<byte> Aid => _aid;

    public string AidHex => Convert.ToHexString(_aid);

    /// <summary>The name under which an <see cref="AppletCatalog"/> knows how to create the applet.</summary>
    public string AppletType { get; }

    /// <summary>Offset of the applet's region in the card's data area.</summary>
    public int RegionOffset { get; }

    public int RegionSize { get; }

    public override string ToString() => $"{AidHex} ({AppletType}, {RegionSize} bytes at {RegionOffset})";
}
