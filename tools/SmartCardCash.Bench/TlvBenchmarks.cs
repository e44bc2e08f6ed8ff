using BenchmarkDotNet.Attributes;
using SmartCardCash.Iso7816.Tlv;
using SmartCardCash.Issuing;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Bench;

/// <summary>BER-TLV parsing of a purse certificate (7F21 with its body and signature), as every payment reads two.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.InProcess)]
public class TlvBenchmarks
{
    private byte[] _certificate = [];

    [GlobalSetup]
    public void Setup()
    {
        Issuer issuer = Issuer.Create(new IssuerId(0x5343430A), new DateOnly(2025, 11, 25));
        _certificate = issuer.Certificate.Encoded.ToArray();
    }

    /// <summary>The whole tree, as <see cref="TlvObject"/>s.</summary>
    [Benchmark]
    public TlvObject ParseTree() => TlvObject.Parse(_certificate);

    /// <summary>The allocation-free reader over the top level and the certificate's children.</summary>
    [Benchmark]
    public int ReadWithTlvReader()
    {
        int values = 0;
        var outer = new TlvReader(_certificate);
        while (outer.Read())
        {
            var inner = new TlvReader(outer.Value);
            while (inner.Read())
            {
                values += inner.Value.Length;
            }
        }
        return values;
    }

    [Benchmark]
    public PurseCertificate ParsePurseCertificate() => PurseCertificate.Parse(_certificate);
}
