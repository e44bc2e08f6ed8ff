using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>A req, val or ack: payment details and the sending purse's signature over <c>SCC1 ‖ type ‖ PD</c>.</summary>
public sealed class ProtectedMessage
{
    private readonly byte[] _signature;

    public ProtectedMessage(MessageType type, PaymentDetails details, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (type is not (MessageType.Req or MessageType.Val or MessageType.Ack))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "protected messages are req, val or ack.");
        }
        Type = type;
        Details = details;
        _signature = signature.ToArray();
    }

    public MessageType Type { get; }

    public PaymentDetails Details { get; }

    public ReadOnlySpan<byte> Signature => _signature;

    public byte[] SignedBytes => SignedMessages.Payment(Type, Details);

    /// <summary>Signs <paramref name="details"/> as <paramref name="type"/> with a purse's private key.</summary>
    public static ProtectedMessage Create(MessageType type, PaymentDetails details, ReadOnlySpan<byte> privateKey,
        IPurseCrypto? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new(type, details, (crypto ?? P256.Shared).Sign(privateKey, SignedMessages.Payment(type, details)));
    }

    public bool Verify(ReadOnlySpan<byte> senderPublicKey, IPurseCrypto? crypto = null) =>
        (crypto ?? P256.Shared).Verify(senderPublicKey, SignedBytes, _signature);

    /// <summary><c>C0 3F PD ‖ 9E L signature</c>: the data of REQ, VAL and ACK, and of the responses that carry them.</summary>
    public byte[] ToData() =>
        new PurseTlvBuilder().Add(PurseTag.PaymentDetails, Details.Encoding).Add(PurseTag.Signature, _signature).ToArray();

    /// <summary>Reads <c>C0 PD, 9E signature</c> (the response of START TO, REQ and VAL).</summary>
    public static ProtectedMessage Parse(MessageType type, ReadOnlySpan<byte> data)
    {
        var reader = new StrictTlvReader(data);
        PaymentDetails details = PaymentDetails.Decode(reader.Read(PurseTag.PaymentDetails, PaymentDetails.Length));
        ReadOnlySpan<byte> signature = reader.Read(PurseTag.Signature, PurseConstants.MinSignatureLength,
            PurseConstants.MaxSignatureLength);
        reader.EnsureEnd();
        return new ProtectedMessage(type, details, signature);
    }

    /// <summary>Reads the RESUME response: <c>9A type, C0 PD, 9E signature</c>.</summary>
    public static ProtectedMessage ParseResume(ReadOnlySpan<byte> data)
    {
        var reader = new StrictTlvReader(data);
        var type = (MessageType)reader.ReadByte(PurseTag.MessageType);
        PaymentDetails details = PaymentDetails.Decode(reader.Read(PurseTag.PaymentDetails, PaymentDetails.Length));
        ReadOnlySpan<byte> signature = reader.Read(PurseTag.Signature, PurseConstants.MinSignatureLength,
            PurseConstants.MaxSignatureLength);
        reader.EnsureEnd();
        if (type is not (MessageType.Req or MessageType.Val or MessageType.Ack))
        {
            throw new PurseFormatException($"RESUME returned message type {(byte)type:X2}; req, val or ack expected.");
        }
        return new ProtectedMessage(type, details, signature);
    }

    public override string ToString() => $"{Type} {Details} sig {Hex.Encode(_signature)}";
}
