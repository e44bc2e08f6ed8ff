using System.Buffers.Binary;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// The exact byte strings that are signed (spec 3.2). Each starts with the domain prefix <c>SCC1</c> and a message type,
/// so that a signature made for one purpose never verifies for another.
/// </summary>
public static class SignedMessages
{
    private static readonly byte[] Prefix = "SCC1"u8.ToArray();

    /// <summary>ASCII <c>SCC1</c> = <c>53 43 43 31</c>.</summary>
    public static ReadOnlySpan<byte> DomainPrefix => Prefix;

    /// <summary><c>SCC1 ‖ 30 ‖ body TLV</c>, signed by the issuer.</summary>
    public static byte[] Certificate(ReadOnlySpan<byte> bodyTlv) => Build(MessageType.CertificateBody, bodyTlv);

    /// <summary><c>SCC1 ‖ type ‖ PD</c> for req (payee), val (payer) and ack (payee).</summary>
    public static byte[] Payment(MessageType type, PaymentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (type is not (MessageType.Req or MessageType.Val or MessageType.Ack))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "payment messages are req, val or ack.");
        }
        return Build(type, details.Encoding);
    }

    /// <summary>Same as <see cref="Payment(MessageType, PaymentDetails)"/> over an encoded PD (63 bytes).</summary>
    public static byte[] Payment(MessageType type, ReadOnlySpan<byte> encodedDetails)
    {
        if (encodedDetails.Length != PaymentDetails.Length)
        {
            throw new ArgumentException($"payment details are {PaymentDetails.Length} bytes.", nameof(encodedDetails));
        }
        return Build(type, encodedDetails);
    }

    public static byte[] Req(PaymentDetails details) => Payment(MessageType.Req, details);

    public static byte[] Val(PaymentDetails details) => Payment(MessageType.Val, details);

    public static byte[] Ack(PaymentDetails details) => Payment(MessageType.Ack, details);

    /// <summary><c>SCC1 ‖ 10 ‖ purse ID ‖ record (64)</c>, signed by the purse that logged the record.</summary>
    public static byte[] ExceptionLogRecord(PurseId purse, ReadOnlySpan<byte> encodedRecord)
    {
        if (encodedRecord.Length != Spec.ExceptionRecord.Length)
        {
            throw new ArgumentException($"an exception record is {Spec.ExceptionRecord.Length} bytes.", nameof(encodedRecord));
        }
        Span<byte> body = stackalloc byte[PurseId.Length + Spec.ExceptionRecord.Length];
        purse.WriteTo(body);
        encodedRecord.CopyTo(body[PurseId.Length..]);
        return Build(MessageType.ExceptionLogRecord, body);
    }

    public static byte[] ExceptionLogRecord(PurseId purse, ExceptionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ExceptionLogRecord(purse, record.Encode());
    }

    /// <summary>
    /// <c>SCC1 ‖ 40 ‖ list</c>: the issuer's hotlist, the UTF-8 text of every line before its signature line (spec 9).
    /// Hosts sign and check it; no card ever does.
    /// </summary>
    public static byte[] Hotlist(ReadOnlySpan<byte> listText) => Build(MessageType.Hotlist, listText);

    /// <summary><c>SCC1 ‖ type ‖ purse ID ‖ issuer counter ‖ parameters</c>, signed by the issuer (spec 7.1).</summary>
    public static byte[] IssuerCommand(MessageType type, PurseId purse, uint counter, ReadOnlySpan<byte> parameters)
    {
        if (type is < MessageType.Mint or > MessageType.ResetLockCode)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "issuer commands are message types 20 to 25.");
        }
        var body = new byte[PurseId.Length + 4 + parameters.Length];
        purse.WriteTo(body);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(PurseId.Length), counter);
        parameters.CopyTo(body.AsSpan(PurseId.Length + 4));
        return Build(type, body);
    }

    private static byte[] Build(MessageType type, ReadOnlySpan<byte> body)
    {
        var message = new byte[Prefix.Length + 1 + body.Length];
        Prefix.CopyTo(message, 0);
        message[Prefix.Length] = (byte)type;
        body.CopyTo(message.AsSpan(Prefix.Length + 1));
        return message;
    }
}
