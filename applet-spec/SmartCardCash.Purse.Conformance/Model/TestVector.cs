namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>One vector: what it checks (command, spec section, title) and its steps, which pass or fail together.</summary>
public sealed class TestVector
{
    public string Id { get; init; } = "";

    /// <summary>The command under test, as named in spec section 5 ("START FROM").</summary>
    public string Command { get; init; } = "";

    /// <summary>Spec sections, "5.8, 4.3".</summary>
    public string Spec { get; init; } = "";

    public string Title { get; init; } = "";

    public IReadOnlyList<VectorStep> Steps { get; init; } = [];
}
