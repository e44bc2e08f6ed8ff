namespace SmartCardCash.Purse.Conformance.Runner;

public enum StepOutcome
{
    Passed,
    Failed,
    /// <summary>Marked for the other interface.</summary>
    Skipped,
    /// <summary>An earlier step of the vector failed.</summary>
    NotRun,
}
