namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>One step as run: its outcome, the command sent, the card's whole response and, on failure, why.</summary>
public sealed record StepResult(int Index, StepOutcome Outcome, string? Command, string? Response, string? Failure);
