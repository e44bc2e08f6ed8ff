namespace SmartCardCash.Cli.Output;

/// <summary>The first failing step of a vector: its 1-based number, why, and the exchange (hex) when there was one.</summary>
internal sealed record ConformanceFailureJson(int Step, string Reason, string? Sent, string? Received);
