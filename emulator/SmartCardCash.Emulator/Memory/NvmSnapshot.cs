namespace SmartCardCash.Emulator.Memory;

/// <summary>
/// A copy of a card's whole non-volatile memory image (journal included), taken between commands, to restore a
/// before-image in tearing enumerations.
/// </summary>
public sealed class NvmSnapshot
{
    private readonly byte[] _image;

    internal NvmSnapshot(byte[] image, int appletCount)
    {
        _image = image;
        AppletCount = appletCount;
    }

    /// <summary>Number of applets installed when the snapshot was taken; restoring needs the same registry.</summary>
    public int AppletCount { get; }

    public ReadOnlySpan<byte> Image => _image;

    public int Size => _image.Length;
}
