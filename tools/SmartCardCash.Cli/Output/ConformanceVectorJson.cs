namespace SmartCardCash.Cli.Output;

/// <summary>One vector in <c>scc conformance --json</c>; <see cref="Failure"/> is null when it passed.</summary>
internal sealed record ConformanceVectorJson(string Script, string Id, string Command, string Title, bool Passed,
    int StepsPassed, int StepsSkipped, ConformanceFailureJson? Failure);
