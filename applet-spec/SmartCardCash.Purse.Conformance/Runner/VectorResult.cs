using System.Text;

namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>One vector as run.</summary>
public sealed record VectorResult(string Card, string Id, string Command, string Title, IReadOnlyList<StepResult> Steps)
{
    /// <summary>Every step that ran passed (steps for the other interface are skipped).</summary>
    public bool Passed => Steps.All(s => s.Outcome is StepOutcome.Passed or StepOutcome.Skipped);

    public StepResult? FirstFailure => Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed);

    public override string ToString()
    {
        if (Passed)
        {
            return $"PASS {Card}/{Id}";
        }
        StepResult failure = FirstFailure!;
        var text = new StringBuilder($"FAIL {Card}/{Id} ({Command}): {Title}\n");
        text.Append($"  step {failure.Index + 1}: {failure.Failure}\n");
        if (failure.Command is not null)
        {
            text.Append($"  sent:     {failure.Command}\n");
        }
        if (failure.Response is not null)
        {
            text.Append($"  received: {failure.Response}\n");
        }
        return text.ToString();
    }
}
