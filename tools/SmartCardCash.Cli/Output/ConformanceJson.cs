namespace SmartCardCash.Cli.Output;

/// <summary><c>scc conformance --json</c>: what ran against what, the counts, and every vector's result.</summary>
internal sealed record ConformanceJson(string Vectors, string Specification, string Card, string Interface,
    IReadOnlyList<string> Scripts, int Total, int Passed, int Failed, IReadOnlyList<ConformanceVectorJson> Results);
