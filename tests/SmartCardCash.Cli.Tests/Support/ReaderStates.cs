using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>Reader snapshots as PC/SC reports them.</summary>
internal static class ReaderStates
{
    public static readonly byte[] Atr = [0x3B, 0x88, 0x80, 0x01, 0x53, 0x43, 0x43, 0x2D, 0x54, 0x45, 0x53, 0x54, 0x61];

    public const string AtrHex = "3B8880015343432D5445535461";

    public static PcscReaderStatus Empty(string name) => new(name, PcscReaderStateFlags.Empty, default);

    public static PcscReaderStatus WithCard(string name, byte[]? atr = null) =>
        new(name, PcscReaderStateFlags.Present | PcscReaderStateFlags.Unpowered, atr ?? Atr);
}
