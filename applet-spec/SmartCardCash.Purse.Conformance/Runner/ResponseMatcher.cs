using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>Matches response data against the expected parts, left to right; returns null or the first difference.</summary>
internal sealed class ResponseMatcher
{
    private readonly VariableStore _variables;
    private readonly IPurseCrypto _crypto;

    public ResponseMatcher(VariableStore variables, IPurseCrypto crypto)
    {
        _variables = variables;
        _crypto = crypto;
    }

    public string? Match(ReadOnlySpan<byte> data, IReadOnlyList<ExpectedPart>? parts)
    {
        int at = 0;
        foreach (ExpectedPart part in parts ?? [])
        {
            string? problem = part switch
            {
                { Hex: { } hex } => MatchBytes(data, ref at, _variables.Decode(hex)),
                { Capture: { } name, Length: { } length } => CaptureBytes(data, ref at, name, length, part.Check),
                { Signature: { } signature } => MatchSignature(data, ref at, signature),
                _ => throw new VectorFormatException("an expected part has none of hex, capture + length, signature."),
            };
            if (problem is not null)
            {
                return problem;
            }
        }
        return at == data.Length
            ? null
            : $"{data.Length - at} unexpected bytes at the end of the data, from byte {at}: {Hex.Encode(data[at..])}";
    }

    private static string? MatchBytes(ReadOnlySpan<byte> data, ref int at, byte[] expected)
    {
        ReadOnlySpan<byte> actual = data[at..];
        int same = actual.CommonPrefixLength(expected);
        if (same < expected.Length)
        {
            int offset = at + same;
            string got = same < actual.Length ? Hex.Encode(actual.Slice(same, Math.Min(16, actual.Length - same))) : "(end of data)";
            return $"data differ at byte {offset}: expected {Hex.Encode(expected.AsSpan(same, Math.Min(16, expected.Length - same)))}…, got {got}";
        }
        at += expected.Length;
        return null;
    }

    private string? CaptureBytes(ReadOnlySpan<byte> data, ref int at, string name, int length, string? check)
    {
        if (data.Length - at < length)
        {
            return $"expected {length} bytes to capture as '{name}' at byte {at}; only {data.Length - at} remain";
        }
        ReadOnlySpan<byte> value = data.Slice(at, length);
        if (check == ExpectedPart.PublicKeyCheck && !_crypto.IsValidPublicKey(value))
        {
            return $"'{name}' = {Hex.Encode(value)} is not an uncompressed P-256 public key (spec 3.1)";
        }
        _variables.Capture(name, value);
        at += length;
        return null;
    }

    private string? MatchSignature(ReadOnlySpan<byte> data, ref int at, SignatureCheck check)
    {
        if (data.Length - at < 2 || data[at] != PurseTag.Signature)
        {
            return $"expected a signature element 9E at byte {at}";
        }
        int length = data[at + 1];
        if (length is < PurseConstants.MinSignatureLength or > PurseConstants.MaxSignatureLength || data.Length - at - 2 < length)
        {
            return $"the signature element at byte {at} announces {length} bytes (8 to 72 allowed, {data.Length - at - 2} present)";
        }
        ReadOnlySpan<byte> signature = data.Slice(at + 2, length);
        byte[] key = _variables.Decode(check.Key);
        byte[] message = _variables.Decode(check.Message);
        if (!_crypto.Verify(key, message, signature))
        {
            return $"the signature at byte {at} ({Hex.Encode(signature)}) does not verify under {Hex.Encode(key)} over {Hex.Encode(message)}";
        }
        if (check.Capture is not null)
        {
            _variables.Capture(check.Capture, data.Slice(at, 2 + length));
        }
        at += 2 + length;
        return null;
    }
}
