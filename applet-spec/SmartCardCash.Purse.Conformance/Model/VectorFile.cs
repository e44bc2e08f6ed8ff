namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>
/// A conformance vector file (applet-spec/vectors/README.md): fixed keys, and one script per card. Each script needs
/// a fresh, just-installed purse and runs its vectors in order on it.
/// </summary>
public sealed class VectorFile
{
    public const string FormatName = "smartcardcash-purse-conformance";
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The specification the vectors check, with its version.</summary>
    public string Specification { get; init; } = "";

    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>Every key the file uses, private halves included: they are test keys.</summary>
    public IReadOnlyList<VectorKey> Keys { get; init; } = [];

    /// <summary>How the informative reference responses were produced.</summary>
    public ReferenceRun? Reference { get; init; }

    public IReadOnlyList<VectorCard> Cards { get; init; } = [];

    public VectorSummary? Summary { get; init; }

    public VectorKey Key(string name) =>
        Keys.FirstOrDefault(k => k.Name == name) ?? throw new KeyNotFoundException($"the vector file has no key '{name}'.");

    /// <summary>The same file with only the script of card <paramref name="cardId"/> (for one fresh card).</summary>
    public VectorFile ForCard(string cardId)
    {
        VectorCard card = Cards.FirstOrDefault(c => c.Id == cardId)
            ?? throw new KeyNotFoundException($"the vector file has no card '{cardId}'; it has {string.Join(", ", Cards.Select(c => c.Id))}.");
        return new VectorFile
        {
            Format = Format,
            FormatVersion = FormatVersion,
            Specification = Specification,
            Description = Description,
            Keys = Keys,
            Reference = Reference,
            Cards = [card],
            Summary = Summary,
        };
    }
}
