using System.Globalization;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// <c>dotnet run -c Release --project tools/SmartCardCash.Bench -- pcscd [--payments N] [--warmup N]
/// [--pcscd auto|private|system] [--no-pcscd]</c>: card-to-card payments through the coordinator, timed one by one,
/// through pcscd and in process for comparison; prints a Markdown report for docs/benchmarks.md.
/// </summary>
public static class PaymentBenchCommand
{
    public const string Name = "pcscd";

    /// <summary>Payments on cards in memory before anything is measured, for the JIT.</summary>
    private const int JitWarmup = 300;

    public static int Run(IReadOnlyList<string> args)
    {
        int payments = 200, warmup = 20;
        string mode = "auto";
        bool throughPcscd = true;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--payments":
                    payments = PositiveInt(args, ++i, "--payments");
                    break;
                case "--warmup":
                    warmup = PositiveInt(args, ++i, "--warmup", allowZero: true);
                    break;
                case "--pcscd":
                    mode = i + 1 < args.Count ? args[++i] : throw Usage("--pcscd needs private, system or auto");
                    break;
                case "--no-pcscd":
                    throughPcscd = false;
                    break;
                default:
                    throw Usage($"unknown option '{args[i]}'");
            }
        }

        BenchPcscd? pcscd = null;
        if (throughPcscd)
        {
            try
            {
                // Before any other PC/SC use: a private pcscd is chosen through PCSCLITE_CSOCK_NAME, read once per process.
                pcscd = BenchPcscd.Open(mode);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"bench: {e.Message} (--no-pcscd measures in process only)");
                return 3;
            }
        }
        string home = Path.Combine(Path.GetTempPath(), "scc-bench-pay-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"# Card-to-card payments, {DateTime.Now:yyyy-MM-dd HH:mm}");
            Console.WriteLine();
            Console.WriteLine($"Machine: {MachineDescription.Describe()}.");
            if (pcscd is not null)
            {
                Console.WriteLine($"pcscd: {pcscd.Description}; {BenchPcscd.Versions()}.");
            }
            Console.WriteLine($"Each payment: {BenchPurses.Request.Amount} between two customer purses (contact T=1), alice → bob then bob → alice, " +
                              $"PaymentCoordinator.Pay with connections held open; {JitWarmup} payments in memory first for the JIT, then per scenario " +
                              $"{warmup} warm-up payments and {payments} measured.");
            Console.WriteLine();
            // Tiered JIT: the first few hundred payments run partly unoptimised code; a pass on cards in memory,
            // thrown away, lets every scenario start with the same (optimised) code.
            PaymentScenarios.InMemory(JitWarmup, 2);
            var results = new List<PaymentStatistics> { PaymentScenarios.InMemory(warmup, payments) };
            BenchPurses purses = PaymentScenarios.CreateImages(home);
            results.Add(PaymentScenarios.StoredInProcess(home, purses, warmup, payments));
            if (pcscd is not null)
            {
                results.Add(PaymentScenarios.ThroughPcscd(home, purses, pcscd, warmup, payments));
            }
            Print(results);
            PrintCrypto();
            return 0;
        }
        finally
        {
            pcscd?.Dispose();
            try
            {
                Directory.Delete(home, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // The in-memory run alone makes no images.
            }
        }
    }

    private static void Print(IReadOnlyList<PaymentStatistics> results)
    {
        Console.WriteLine("| Scenario | Payments | Median | p95 | Min | Max | Mean | APDUs / payment | In Transmit (mean) | Image saves / payment | In saves (mean) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (PaymentStatistics r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Payments} | {r.Median:0.00} ms | {r.P95:0.00} ms | {r.Min:0.00} ms | {r.Max:0.00} ms | {r.Mean:0.00} ms | " +
                $"{r.ApdusPerPayment:0.#} | {r.TransmitMean:0.00} ms | {r.SavesPerPayment:0.#} | {r.SaveMean:0.00} ms |"));
        }
        Console.WriteLine();
    }

    /// <summary>The cost of the signatures a payment makes: the cards sign req, val and ack and verify two certificates
    /// and those three messages; the coordinator verifies both certificates against its trust anchor.</summary>
    private static void PrintCrypto()
    {
        var key = P256KeyPair.FromPrivateKeyHex("6F5E4D3C2B1A09F8E7D6C5B4A392817065544332211000FFEEDDCCBBAA998877");
        byte[] message = new byte[120];
        byte[] signature = P256.Shared.Sign(key.PrivateKey, message);
        const int rounds = 200;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < rounds; i++)
        {
            P256.Shared.Sign(key.PrivateKey, message);
        }
        double sign = clock.Elapsed.TotalMilliseconds / rounds;
        clock.Restart();
        for (int i = 0; i < rounds; i++)
        {
            if (!P256.Shared.Verify(key.PublicKey, message, signature))
            {
                throw new InvalidOperationException("a signature of the benchmark's own did not verify");
            }
        }
        double verify = clock.Elapsed.TotalMilliseconds / rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P-256 (P256.Shared): sign {sign:0.000} ms, verify {verify:0.000} ms; a payment signs 3 times and verifies 7 times " +
            $"(cards 5, coordinator 2): about {3 * sign + 7 * verify:0.00} ms of cryptography."));
    }

    private static int PositiveInt(IReadOnlyList<string> args, int at, string option, bool allowZero = false) =>
        at < args.Count && int.TryParse(args[at], NumberStyles.None, CultureInfo.InvariantCulture, out int value) && (allowZero || value > 0)
            ? value
            : throw Usage($"{option} needs a {(allowZero ? "non-negative" : "positive")} whole number");

    private static ArgumentException Usage(string message) => new(message);
}
