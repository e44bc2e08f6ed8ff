using BenchmarkDotNet.Running;

namespace SmartCardCash.Bench;

/// <summary>
/// Runs the benchmarks the arguments select (BenchmarkSwitcher: --filter, --anyCategories, --job, --list …). Without
/// --filter every benchmark runs; without --job the short job does (3 warm-ups, 3 iterations, one launch), which keeps
/// a whole run to a few minutes on two cores.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
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
    }
}
