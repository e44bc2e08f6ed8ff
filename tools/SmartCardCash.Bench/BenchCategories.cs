namespace SmartCardCash.Bench;

/// <summary>
/// Categories to pick benchmarks by (<c>--anyCategories inprocess</c>). <see cref="Pcscd"/> holds the benchmarks that
/// need a pcscd with vpcd (a payment between two cards attached with the vpcd bridge: a private pcscd needs root), so a
/// machine without them can leave those out.
/// </summary>
public static class BenchCategories
{
    public const string InProcess = "inprocess";

    public const string Pcscd = "pcscd";
}
