using BenchmarkDotNet.Attributes;
using SmartCardCash.Bench.Payments;
using SmartCardCash.CardAccess;
using SmartCardCash.Emulator.Images;

namespace SmartCardCash.Bench;

/// <summary>
/// The payment of <see cref="PaymentThroughPcscdBenchmark"/> without pcscd: the same card images, opened in process
/// (each saves its image, with fsync, after every command that changes it), paid by the same coordinator.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.InProcess)]
public class PaymentInProcessBenchmark
{
    private string _home = "";
    private StoredCard _alice = null!;
    private StoredCard _bob = null!;
    private PaymentLoop _loop = null!;

    [GlobalSetup]
    public void Setup()
    {
        _home = Path.Combine(Path.GetTempPath(), "scc-bench-" + Guid.NewGuid().ToString("N"));
        BenchPurses purses = PaymentScenarios.CreateImages(_home);
        EmulatedCardStore store = EmulatedCardStore.ForHome(_home);
        _alice = store.OpenStored("alice");
        _bob = store.OpenStored("bob");
        _loop = new PaymentLoop(purses, new TimedChannel(_alice.OpenChannel(powerOffOnDispose: false)),
            new TimedChannel(_bob.OpenChannel(powerOffOnDispose: false)), []);
        _loop.PayOnce();
        _loop.PayOnce();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _alice.Dispose();
        _bob.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Benchmark]
    public PaymentSample Payment() => _loop.PayOnce();
}
