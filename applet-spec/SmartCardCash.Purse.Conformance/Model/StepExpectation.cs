namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>The status word, exactly, and the response data as a sequence of parts that must cover it exactly.</summary>
public sealed class StepExpectation
{
    public string Sw { get; init; } = "9000";

    /// <summary>Absent or empty: the response has no data.</summary>
    public IReadOnlyList<ExpectedPart>? Data { get; init; }
}
