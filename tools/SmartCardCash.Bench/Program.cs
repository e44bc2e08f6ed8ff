using BenchmarkDotNet.Running;
using SmartCardCash.Bench.Payments;

namespace SmartCardCash.Bench;

/// <summary>
/// Runs the benchmarks the arguments select (BenchmarkSwitcher: --filter, --anyCategories, --job, --list …). Without
/// --filter every benchmark runs; without --job the short job does (3 warm-ups, 3 iterations, one launch), which keeps
/// a whole run to a few minutes on two cores. <c>pcscd</c> as the first argument runs the payment benchmark of
/// <see cref="PaymentBenchCommand"/> instead (every payment timed: median and p95).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == PaymentBenchCommand.Name)
        {
            try
            {
                return PaymentBenchCommand.Run(args[1..]);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"bench: {e.Message}");
                return 2;
            }
        }
        var arguments = new List<string>(args);
        bool listing = arguments.Contains("--list");
        if (!listing && !arguments.Any(a => a is "--filter" or "-f" or "--anyCategories" or "--allCategories"))
        {
            arguments.AddRange(["--filter", "*"]);
        }
        if (!listing && !arguments.Any(a => a is "--job" or "-j"))
        {
            arguments.AddRange(["--job", "short"]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments]);
        return 0;
    }
}
