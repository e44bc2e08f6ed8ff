using BenchmarkDotNet.Attributes;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Pipeline;

namespace SmartCardCash.Bench;

/// <summary>
/// <see cref="ApduPipeline"/> over a card in memory: the host's cost per exchange (encoding, the transforms, parsing the
/// response), with and without a GET RESPONSE round.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.InProcess)]
public class PipelineBenchmarks
{
    private readonly CommandApdu _getData = CommandApdu.ParseHex("80CA000100");
    private ApduPipeline _direct = null!;
    private ApduPipeline _chained = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] balances = Hex.Decode("E10C" + "9F020978" + "00000000000004E2");
        _direct = new ApduPipeline(new InMemoryChannel(balances, chain: false));
        _chained = new ApduPipeline(new InMemoryChannel(balances, chain: true));
    }

    [Benchmark(Baseline = true)]
    public ResponseApdu Exchange() => _direct.Transmit(_getData);

    [Benchmark]
    public ResponseApdu ExchangeWithGetResponse() => _chained.Transmit(_getData);
}
