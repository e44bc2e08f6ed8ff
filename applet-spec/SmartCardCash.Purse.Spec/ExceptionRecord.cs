using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>One exception-log record, <c>reason ‖ PD</c>, 64 bytes (spec 2.4).</summary>
public sealed record ExceptionRecord(ExceptionReason Reason, PaymentDetails Details)
{
    public const int Length = 1 + PaymentDetails.Length;

    public byte[] Encode()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)Reason;
        Details.WriteTo(destination[1..]);
    }

    public static ExceptionRecord Decode(ReadOnlySpan<byte> encoding)
    {
        if (encoding.Length != Length)
        {
            throw new PurseFormatException($"an exception record is {Length} bytes; got {encoding.Length}.");
        }
        var reason = (ExceptionReason)encoding[0];
        if (reason is not (ExceptionReason.PayerAbortedInEpa or ExceptionReason.PayeeAbortedInEpv))
        {
            throw new PurseFormatException($"exception reason {encoding[0]:X2} is not 01 or 02.");
        }
        return new ExceptionRecord(reason, PaymentDetails.Decode(encoding[1..]));
    }

    /// <summary>
    /// The clear code of spec 7.3: SHA-256 over the 64-byte records in index order (the empty string for an empty log).
    /// </summary>
    public static byte[] LogDigest(IEnumerable<ExceptionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (ExceptionRecord record in records)
        {
            sha.AppendData(record.Encode());
        }
        return sha.GetHashAndReset();
    }

    public override string ToString() => $"{Reason}: {Details} ({Hex.Encode(Encode())})";
}
