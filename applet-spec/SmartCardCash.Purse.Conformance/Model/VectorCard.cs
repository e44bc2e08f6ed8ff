namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>The script for one fresh card: derived values it computes at run time, and its vectors in order.</summary>
public sealed class VectorCard
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>The reference card's RNG seed (hex), see <see cref="ReferenceRun.CardRandom"/>.</summary>
    public string ReferenceSeed { get; init; } = "";

    public IReadOnlyList<DerivedValue> Derived { get; init; } = [];

    public IReadOnlyList<TestVector> Vectors { get; init; } = [];
}
