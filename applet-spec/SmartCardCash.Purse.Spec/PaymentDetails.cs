using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// The payment details (PD) of one transfer in their single, fixed 63-byte encoding (spec 2.3): the Mondex PayDetails
/// {from, to, value, fromSeq, toSeq} plus currency and an optional order digest. Immutable. Purses sign and compare the
/// encoding byte for byte.
/// </summary>
public sealed class PaymentDetails : IEquatable<PaymentDetails>
{
    public const int Length = 63;

    private const int FromOffset = 0;
    private const int ToOffset = 8;
    private const int CurrencyOffset = 16;
    private const int ValueOffset = 18;
    private const int FromSeqOffset = 22;
    private const int ToSeqOffset = 26;
    private const int DigestPresentOffset = 30;
    private const int DigestOffset = 31;

    private readonly byte[] _encoding;

    /// <param name="orderDigest">Empty when the payment carries no order digest, else 32 bytes.</param>
    public PaymentDetails(PurseId from, PurseId to, CurrencyCode currency, uint value, uint fromSeq, uint toSeq,
        ReadOnlySpan<byte> orderDigest = default)
    {
        if (!orderDigest.IsEmpty && orderDigest.Length != PurseConstants.DigestLength)
        {
            throw new ArgumentException($"an order digest is {PurseConstants.DigestLength} bytes; got {orderDigest.Length}.",
                nameof(orderDigest));
        }
        _encoding = new byte[Length];
        from.WriteTo(_encoding.AsSpan(FromOffset));
        to.WriteTo(_encoding.AsSpan(ToOffset));
        currency.WriteTo(_encoding.AsSpan(CurrencyOffset));
        BinaryPrimitives.WriteUInt32BigEndian(_encoding.AsSpan(ValueOffset), value);
        BinaryPrimitives.WriteUInt32BigEndian(_encoding.AsSpan(FromSeqOffset), fromSeq);
        BinaryPrimitives.WriteUInt32BigEndian(_encoding.AsSpan(ToSeqOffset), toSeq);
        if (!orderDigest.IsEmpty)
        {
            _encoding[DigestPresentOffset] = 1;
            orderDigest.CopyTo(_encoding.AsSpan(DigestOffset));
        }
    }

    private PaymentDetails(byte[] encoding)
    {
        _encoding = encoding;
    }

    public PurseId From => PurseId.Read(_encoding.AsSpan(FromOffset, PurseId.Length));

    public PurseId To => PurseId.Read(_encoding.AsSpan(ToOffset, PurseId.Length));

    public CurrencyCode Currency => CurrencyCode.Read(_encoding.AsSpan(CurrencyOffset, CurrencyCode.Length));

    public uint Value => BinaryPrimitives.ReadUInt32BigEndian(_encoding.AsSpan(ValueOffset));

    public uint FromSeq => BinaryPrimitives.ReadUInt32BigEndian(_encoding.AsSpan(FromSeqOffset));

    public uint ToSeq => BinaryPrimitives.ReadUInt32BigEndian(_encoding.AsSpan(ToSeqOffset));

    public bool HasOrderDigest => _encoding[DigestPresentOffset] == 1;

    /// <summary>The order digest, or empty when absent.</summary>
    public ReadOnlyMemory<byte> OrderDigest =>
        HasOrderDigest ? _encoding.AsMemory(DigestOffset, PurseConstants.DigestLength) : ReadOnlyMemory<byte>.Empty;

    /// <summary>from ≠ to and value &gt; 0; the presence byte and digest are checked by <see cref="Decode"/> already.</summary>
    public bool IsWellFormed => From != To && Value > 0;

    public ReadOnlySpan<byte> Encoding => _encoding;

    public byte[] Encode() => (byte[])_encoding.Clone();

    public void WriteTo(Span<byte> destination) => _encoding.CopyTo(destination);

    /// <summary>Decodes 63 bytes: the presence byte must be 00 or 01 and an absent digest all zero.</summary>
    public static PaymentDetails Decode(ReadOnlySpan<byte> encoding)
    {
        if (encoding.Length != Length)
        {
            throw new PurseFormatException($"payment details are {Length} bytes; got {encoding.Length}.");
        }
        byte present = encoding[DigestPresentOffset];
        if (present > 1)
        {
            throw new PurseFormatException($"payment details: the digest presence byte is {present:X2}; 00 or 01 expected.");
        }
        if (present == 0 && encoding.Slice(DigestOffset, PurseConstants.DigestLength).ContainsAnyExcept((byte)0))
        {
            throw new PurseFormatException("payment details: the order digest is absent but not all zero.");
        }
        return new PaymentDetails(encoding.ToArray());
    }

    public static bool TryDecode(ReadOnlySpan<byte> encoding, [NotNullWhen(true)] out PaymentDetails? details)
    {
        try
        {
            details = Decode(encoding);
            return true;
        }
        catch (PurseFormatException)
        {
            details = null;
            return false;
        }
    }

    /// <summary>The PD with its tag: <c>C0 3F ‖ PD</c>.</summary>
    public byte[] ToTlv() => PurseTlvBuilder.Encode(PurseTag.PaymentDetails, _encoding);

    public bool Equals(PaymentDetails? other) => other is not null && _encoding.AsSpan().SequenceEqual(other._encoding);

    public override bool Equals(object? obj) => obj is PaymentDetails other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_encoding);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{From} -> {To}: {Value} {Currency}, fromSeq {FromSeq}, toSeq {ToSeq}" +
        (HasOrderDigest ? $", order {Hex.Encode(OrderDigest.Span)}" : string.Empty);
}
