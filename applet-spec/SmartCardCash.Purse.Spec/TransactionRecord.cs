using System.Buffers.Binary;

namespace SmartCardCash.Purse.Spec;

/// <summary>One transaction-log record, <c>type ‖ PD ‖ balance after</c>, 68 bytes (spec 2.5).</summary>
public sealed record TransactionRecord(TransactionRecordType Type, PaymentDetails Details, uint BalanceAfter)
{
    public const int Length = 1 + PaymentDetails.Length + 4;

    public byte[] Encode()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        Details.WriteTo(destination[1..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(1 + PaymentDetails.Length)..], BalanceAfter);
    }

    public static TransactionRecord Decode(ReadOnlySpan<byte> encoding)
    {
        if (encoding.Length != Length)
        {
            throw new PurseFormatException($"a transaction record is {Length} bytes; got {encoding.Length}.");
        }
        var type = (TransactionRecordType)encoding[0];
        if (type is not (TransactionRecordType.Sent or TransactionRecordType.Received or TransactionRecordType.Minted))
        {
            throw new PurseFormatException($"transaction record type {encoding[0]:X2} is not 01, 02 or 03.");
        }
        return new TransactionRecord(type, PaymentDetails.Decode(encoding.Slice(1, PaymentDetails.Length)),
            BinaryPrimitives.ReadUInt32BigEndian(encoding[(1 + PaymentDetails.Length)..]));
    }

    /// <summary>The PD of a mint record (spec 2.5): from 00…00, to the purse, fromSeq = the issuer counter used, toSeq 0.</summary>
    public static PaymentDetails MintDetails(PurseId purse, CurrencyCode currency, uint amount, uint issuerCounter) =>
        new(PurseId.None, purse, currency, amount, issuerCounter, 0);
}
