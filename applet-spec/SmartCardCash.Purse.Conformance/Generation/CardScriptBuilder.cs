using System.Text;
using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>The script of one card being written: derived values and vectors, in order.</summary>
internal sealed class CardScriptBuilder
{
    private readonly List<VectorBuilder> _vectors = [];
    private readonly List<DerivedValue> _derived = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly string[] _description;

    public CardScriptBuilder(string id, string referenceSeed, params string[] description)
    {
        Id = id;
        ReferenceSeed = Encoding.ASCII.GetBytes(referenceSeed);
        _description = description;
    }

    public string Id { get; }

    public byte[] ReferenceSeed { get; }

    public void Derive(DerivedValue value) => _derived.Add(value);

    public VectorBuilder Vector(string id, string command, string spec, string title)
    {
        string fullId = $"{_vectors.Count + 1:D3}-{id}";
        if (!_ids.Add(id))
        {
            throw new InvalidOperationException($"vector id '{id}' is used twice in card '{Id}'.");
        }
        var vector = new VectorBuilder(fullId, command, spec, title);
        _vectors.Add(vector);
        return vector;
    }

    public VectorCard Build() => new()
    {
        Id = Id,
        Description = _description,
        ReferenceSeed = Hex.Encode(ReferenceSeed),
        Derived = [.. _derived],
        Vectors = [.. _vectors.Select(v => v.Build())],
    };
}
