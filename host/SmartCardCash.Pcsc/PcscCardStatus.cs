namespace SmartCardCash.Pcsc;

/// <summary>What SCardStatus reports for a connected card.</summary>
public sealed record PcscCardStatus(
    IReadOnlyList<string> ReaderNames,
    PcscCardState State,
    PcscProtocols Protocol,
    ReadOnlyMemory<byte> Atr)
{
    /// <summary>The reader's name (PC/SC may list aliases after it).</summary>
    public string ReaderName => ReaderNames.Count > 0 ? ReaderNames[0] : string.Empty;
}
