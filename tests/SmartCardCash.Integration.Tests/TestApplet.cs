using SmartCardCash.Iso7816;

namespace SmartCardCash.Integration.Tests;

/// <summary>
/// What the vpcd test cards answer: SELECT with 61xx (the FCI waits for GET RESPONSE, as on a T=0 card), READ BINARY
/// with 6A82, INS EE by leaving the reader mid-command, anything else with 6D00.
/// </summary>
internal static class TestApplet
{
    public const string Select = "00A4040007A0000008700101";
    public const string ReadBinary = "00B0000000";
    public const string PullCard = "00EE0000";

    public static readonly byte[] Fci = Hex.Decode("6F108408A000000870010100A5049F6501FF");

    public static byte[]? Answer(byte[] apdu) => apdu[1] switch
    {
        0xA4 => [0x61, (byte)Fci.Length],
        0xC0 => [.. Fci, 0x90, 0x00],
        0xB0 => [0x6A, 0x82],
        0xEE => null,
        _ => [0x6D, 0x00],
    };
}
