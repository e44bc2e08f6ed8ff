namespace SmartCardCash.Bench;

/// <summary>
/// Categories to pick benchmarks by (<c>--anyCategories inprocess</c>). Everything so far runs inside the process;
/// benchmarks that need a private pcscd with vpcd (a payment between two cards attached with the vpcd bridge) go in
/// <see cref="Pcscd"/>, so a machine without pcscd can leave them out.
/// </summary>
public static class BenchCategories
{
    public const string InProcess = "inprocess";

    public const string Pcscd = "pcscd";
}
