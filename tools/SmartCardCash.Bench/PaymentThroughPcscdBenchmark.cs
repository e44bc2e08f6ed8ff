using BenchmarkDotNet.Attributes;
using SmartCardCash.Bench.Payments;

namespace SmartCardCash.Bench;

/// <summary>
/// One full card-to-card payment (<c>PaymentCoordinator.Pay</c>, 11 APDUs) between two card images attached with the
/// vpcd bridge to a pcscd and reached through <c>PcscCard</c> (SCardTransmit), alternating direction so balances never
/// run out. The pcscd is a private one when this can start it (root), else the system's with Debian's vpcd readers.
/// The <c>pcscd</c> command of this tool measures the same payment one by one, with percentiles and a breakdown.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.Pcscd)]
public class PaymentThroughPcscdBenchmark
{
    private BenchPcscd _pcscd = null!;
    private PcscdPaymentRig _rig = null!;
    private string _home = "";

    [GlobalSetup]
    public void Setup()
    {
        // First PC/SC use of the process: a private pcscd is chosen through PCSCLITE_CSOCK_NAME, read once.
        _pcscd = BenchPcscd.Open("auto");
        _home = Path.Combine(Path.GetTempPath(), "scc-bench-" + Guid.NewGuid().ToString("N"));
        BenchPurses purses = PaymentScenarios.CreateImages(_home);
        _rig = new PcscdPaymentRig(_home, purses, _pcscd);
        // Checked: a payment that does not complete throws, so a broken setup reports NA.
        _rig.Loop.PayOnce();
        _rig.Loop.PayOnce();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rig.Dispose();
        _pcscd.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Benchmark]
    public PaymentSample Payment() => _rig.Loop.PayOnce();
}
