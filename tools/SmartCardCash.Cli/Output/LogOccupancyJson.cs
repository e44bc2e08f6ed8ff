namespace SmartCardCash.Cli.Output;

/// <summary>Records held and capacity of a log.</summary>
internal sealed record LogOccupancyJson(int Count, int Capacity);
