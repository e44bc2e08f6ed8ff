using System.Text;

namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>The outcome of a run: one result per vector, and a readable summary with the failures spelled out.</summary>
public sealed record ConformanceReport(IReadOnlyList<VectorResult> Results)
{
    public int PassedCount => Results.Count(r => r.Passed);

    public int FailedCount => Results.Count(r => !r.Passed);

    public bool AllPassed => Results.Count > 0 && FailedCount == 0;

    public IEnumerable<VectorResult> Failures => Results.Where(r => !r.Passed);

    public override string ToString()
    {
        var text = new StringBuilder($"{PassedCount} of {Results.Count} vectors passed, {FailedCount} failed.\n");
        foreach (VectorResult failure in Failures)
        {
            text.Append(failure);
        }
        return text.ToString();
    }
}
