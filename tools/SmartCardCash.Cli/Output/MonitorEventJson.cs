namespace SmartCardCash.Cli.Output;

/// <summary>
/// One line of <c>scc monitor --json</c>. Every line has every property (null where it does not apply), so consumers
/// see one stable shape.
/// </summary>
internal sealed record MonitorEventJson(string Time, string Event, string? Reader, string? Atr, string? Cause, string? Message);
