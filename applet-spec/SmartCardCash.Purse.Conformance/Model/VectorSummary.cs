namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>Counts, to see the coverage at a glance: vectors and steps per card and per command.</summary>
public sealed record VectorSummary(int Vectors, int Steps, IReadOnlyDictionary<string, int> VectorsPerCard,
    IReadOnlyDictionary<string, int> VectorsPerCommand);
