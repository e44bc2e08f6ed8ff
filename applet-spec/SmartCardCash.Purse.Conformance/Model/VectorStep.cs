namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>One command and what the card must answer.</summary>
public sealed class VectorStep
{
    public string? Note { get; init; }

    /// <summary>"contact" or "contactless": run this step only on that interface. Absent: always.</summary>
    public string? Interface { get; init; }

    public StepCommand Command { get; init; } = new();

    public StepExpectation Expect { get; init; } = new();

    /// <summary>Informative: the whole response (data and SW) of the reference implementation, hex.</summary>
    public string? Reference { get; init; }
}
