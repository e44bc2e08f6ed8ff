namespace SmartCardCash.Purse.Spec;

/// <summary>
/// The one form of a P-256 ECDSA signature a purse accepts (spec 3.1): strict DER <c>30 L { 02 Lr r, 02 Ls s }</c> with
/// short lengths (a P-256 signature is at most 72 bytes), minimal positive integers, nothing trailing, and r and s in
/// [1, n-1]. Written out rather than left to a general ASN.1 parser, whose failure modes are many and not all
/// documented; shared by <see cref="P256"/> and the bank's platform verifier so both accept exactly the same bytes.
/// </summary>
public static class P256Signature
{
    /// <summary>The length of r and of s in the fixed-width form.</summary>
    public const int ScalarLength = 32;

    /// <summary>The order n of P-256, big-endian.</summary>
    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ];

    /// <summary>Writes r ‖ s (each <see cref="ScalarLength"/> bytes, big-endian) to <paramref name="rs"/> when
    /// <paramref name="der"/> is a signature in the strict form; false for anything else.</summary>
    public static bool TryToFixedWidth(ReadOnlySpan<byte> der, Span<byte> rs)
    {
        if (rs.Length != 2 * ScalarLength)
        {
            throw new ArgumentException($"r ‖ s takes {2 * ScalarLength} bytes.", nameof(rs));
        }
        if (der.Length is < PurseConstants.MinSignatureLength or > PurseConstants.MaxSignatureLength ||
            der[0] != 0x30 || der[1] != der.Length - 2)
        {
            return false;
        }
        ReadOnlySpan<byte> rest = der[2..];
        return TryReadScalar(ref rest, rs[..ScalarLength]) && TryReadScalar(ref rest, rs[ScalarLength..]) && rest.IsEmpty;
    }

    private static bool TryReadScalar(ref ReadOnlySpan<byte> input, Span<byte> scalar)
    {
        if (input.Length < 3 || input[0] != 0x02 || input[1] == 0 || input[1] > ScalarLength + 1 || input[1] > input.Length - 2)
        {
            return false;
        }
        ReadOnlySpan<byte> content = input.Slice(2, input[1]);
        bool negative = (content[0] & 0x80) != 0;
        bool superfluousZero = content.Length > 1 && content[0] == 0 && (content[1] & 0x80) == 0;
        ReadOnlySpan<byte> magnitude = content[0] == 0 ? content[1..] : content;
        if (negative || superfluousZero || magnitude.Length > ScalarLength)
        {
            return false;
        }
        scalar.Clear();
        magnitude.CopyTo(scalar[(ScalarLength - magnitude.Length)..]);
        if (!scalar.ContainsAnyExcept((byte)0) || scalar.SequenceCompareTo(Order) >= 0)
        {
            return false; // 0, or not below n
        }
        input = input[(2 + content.Length)..];
        return true;
    }
}
