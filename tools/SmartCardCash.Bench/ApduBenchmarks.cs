using BenchmarkDotNet.Attributes;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Bench;

/// <summary>Encoding and decoding command APDUs: every exchange does one of each.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.InProcess)]
public class ApduBenchmarks
{
    private readonly byte[] _shortCase4 = Hex.Decode("80CA0001" + "08" + "0102030405060708" + "00");
    private readonly byte[] _extendedCase4 = BuildExtended();
    private readonly CommandApdu _command = CommandApdu.ParseHex("80540000" + "40" + new string('A', 128) + "00");
    private readonly byte[] _destination = new byte[300];

    [Benchmark]
    public CommandApdu ParseShortCase4() => CommandApdu.Parse(_shortCase4);

    [Benchmark]
    public CommandApdu ParseExtendedCase4() => CommandApdu.Parse(_extendedCase4);

    [Benchmark]
    public byte[] ToBytes() => _command.ToBytes();

    [Benchmark]
    public int WriteToSpan() => _command.WriteTo(_destination);

    /// <summary>A 1000-byte extended case 4 APDU (00 LcLc data LeLe).</summary>
    private static byte[] BuildExtended()
    {
        var apdu = new byte[4 + 3 + 1000 + 2];
        apdu[1] = 0xDA;
        apdu[5] = 1000 >> 8;
        apdu[6] = 1000 & 0xFF;
        return apdu;
    }
}
