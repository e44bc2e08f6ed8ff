using System.Text;
using BenchmarkDotNet.Attributes;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Bench;

/// <summary>
/// The purse's cryptography through <see cref="P256.Shared"/> (the applet, the host and the conformance runner all use
/// it): ECDSA-SHA256 with RFC 6979 nonces, and verification with the public key cache warm, as in a payment.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.InProcess)]
public class CryptoBenchmarks
{
    private readonly byte[] _privateKey = Convert.FromHexString("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
    private readonly byte[] _message = Encoding.ASCII.GetBytes("SCC1 a req of about the size the protocol signs: pd, ids, amounts and sequences");
    private byte[] _publicKey = [];
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        _publicKey = P256.Shared.PublicKeyOf(_privateKey);
        _signature = P256.Shared.Sign(_privateKey, _message);
        if (!P256.Shared.Verify(_publicKey, _message, _signature))
        {
            throw new InvalidOperationException("the benchmark's signature does not verify");
        }
    }

    [Benchmark]
    public byte[] Sign() => P256.Shared.Sign(_privateKey, _message);

    [Benchmark]
    public bool Verify() => P256.Shared.Verify(_publicKey, _message, _signature);
}
