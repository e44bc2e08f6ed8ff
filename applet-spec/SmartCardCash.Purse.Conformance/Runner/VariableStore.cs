using System.Text.RegularExpressions;
using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>
/// The run-time values of one card script: captured bytes and derived certificates, and the <c>{name}</c> template
/// substitution in hex strings. A derived value is computed when first used and again only when its inputs change.
/// </summary>
internal sealed partial class VariableStore
{
    private readonly Dictionary<string, byte[]> _captured = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DerivedValue> _derived;
    private readonly Dictionary<string, (string Body, byte[] Value)> _derivedCache = new(StringComparer.Ordinal);
    private readonly VectorFile _file;
    private readonly IPurseCrypto _crypto;

    public VariableStore(VectorFile file, VectorCard card, IPurseCrypto crypto)
    {
        _file = file;
        _crypto = crypto;
        _derived = card.Derived.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public void Capture(string name, ReadOnlySpan<byte> value)
    {
        if (_derived.ContainsKey(name))
        {
            throw new VectorFormatException($"'{name}' is a derived value and cannot be captured.");
        }
        _captured[name] = value.ToArray();
    }

    /// <summary>Decodes a hex template after substituting every <c>{name}</c>.</summary>
    public byte[] Decode(string template)
    {
        string hex = Substitute(template);
        return Hex.TryDecode(hex, out byte[] bytes) ? bytes : throw new VectorFormatException($"'{template}' is not hex.");
    }

    public string Substitute(string template) => Placeholder().Replace(template, match => Hex.Encode(Value(match.Groups[1].Value)));

    private byte[] Value(string name)
    {
        if (_captured.TryGetValue(name, out byte[]? captured))
        {
            return captured;
        }
        if (_derived.TryGetValue(name, out DerivedValue? derived))
        {
            return Derive(derived);
        }
        throw new VectorFormatException($"'{{{name}}}' is used before anything was captured into it, and no derived value has that name.");
    }

    private byte[] Derive(DerivedValue derived)
    {
        if (derived.Kind != DerivedValue.CertificateKind)
        {
            throw new VectorFormatException($"derived value '{derived.Name}' has unknown kind '{derived.Kind}'.");
        }
        string body = Substitute(derived.Body);
        if (_derivedCache.TryGetValue(derived.Name, out var cached) && cached.Body == body)
        {
            return cached.Value;
        }
        byte[] bodyBytes = Hex.Decode(body);
        byte[] signature = _crypto.Sign(Hex.Decode(_file.Key(derived.Signer).PrivateKey), SignedMessages.Certificate(bodyBytes));
        byte[] certificate = PurseTlvBuilder.Encode(PurseTag.Certificate,
            new PurseTlvBuilder().AddEncoded(bodyBytes).Add(PurseTag.Signature, signature).ToArray());
        _derivedCache[derived.Name] = (body, certificate);
        return certificate;
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
