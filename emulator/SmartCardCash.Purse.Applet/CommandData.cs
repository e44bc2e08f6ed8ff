using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The card's own reading of command data, strict as spec 2.2 demands: tags in the order of each command's table, exact
/// lengths, nothing unknown or left over. Anything else is 6A80. (Independent of the host-side builders in the Spec
/// library, so the conformance vectors check one against the other.)
/// </summary>
internal static class CommandData
{
    /// <summary>START FROM / START TO: <c>80 peer, 82 currency, 83 value, 84 peer's sequence number [, 85 digest]</c>; value &gt; 0.</summary>
    public static TransferStart ParseStart(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new StrictTlvReader(data);
            PurseId peer = PurseId.Read(reader.Read(PurseTag.PurseId, PurseId.Length));
            CurrencyCode currency = CurrencyCode.Read(reader.Read(PurseTag.Currency, CurrencyCode.Length));
            uint value = reader.ReadUInt32(PurseTag.Amount);
            uint sequence = reader.ReadUInt32(PurseTag.SequenceNumber);
            byte[]? digest = reader.TryReadOptional(PurseTag.OrderDigest, PurseConstants.DigestLength, PurseConstants.DigestLength,
                out ReadOnlySpan<byte> d)
                ? d.ToArray()
                : null;
            reader.EnsureEnd();
            Refuse(value == 0);
            return new TransferStart(peer, currency, value, sequence, digest);
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    /// <summary>REQ / VAL / ACK: <c>C0 PD, 9E signature</c> with a well-formed PD (spec 2.3).</summary>
    public static PaymentMessage ParsePaymentMessage(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new StrictTlvReader(data);
            ReadOnlySpan<byte> pd = reader.Read(PurseTag.PaymentDetails, PaymentDetails.Length);
            ReadOnlySpan<byte> signature = reader.Read(PurseTag.Signature, PurseConstants.MinSignatureLength,
                PurseConstants.MaxSignatureLength);
            reader.EnsureEnd();
            Refuse(!PaymentDetails.Decode(pd).IsWellFormed);
            return new PaymentMessage(pd.ToArray(), signature.ToArray());
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    /// <summary>One <c>8A code</c> of 4 to 8 ASCII digits.</summary>
    public static byte[] ParseLockCode(ReadOnlySpan<byte> data)
    {
        try
        {
            byte[] code = StrictTlvReader.ReadSingle(data, PurseTag.LockCode, PurseConstants.MinLockCodeLength,
                PurseConstants.MaxLockCodeLength).ToArray();
            Refuse(!LockCode.IsValid(code));
            return code;
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    /// <summary>CHANGE LOCK CODE: <c>8A old, 8A new</c>.</summary>
    public static (byte[] OldCode, byte[] NewCode) ParseLockCodeChange(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new StrictTlvReader(data);
            byte[] oldCode = reader.Read(PurseTag.LockCode, PurseConstants.MinLockCodeLength, PurseConstants.MaxLockCodeLength).ToArray();
            byte[] newCode = reader.Read(PurseTag.LockCode, PurseConstants.MinLockCodeLength, PurseConstants.MaxLockCodeLength).ToArray();
            reader.EnsureEnd();
            Refuse(!LockCode.IsValid(oldCode) || !LockCode.IsValid(newCode));
            return (oldCode, newCode);
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    /// <summary>PUT DATA 04: <c>8A code, 8B tries</c>, tries 1 to 15.</summary>
    public static (byte[] Code, int Tries) ParseLockCodeSetting(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new StrictTlvReader(data);
            byte[] code = reader.Read(PurseTag.LockCode, PurseConstants.MinLockCodeLength, PurseConstants.MaxLockCodeLength).ToArray();
            int tries = reader.ReadByte(PurseTag.Tries);
            reader.EnsureEnd();
            Refuse(!LockCode.IsValid(code) || tries is < PurseConstants.MinLockCodeTries or > PurseConstants.MaxLockCodeTries);
            return (code, tries);
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    /// <summary>PUT DATA 03: <c>A0 { 82 currency, 8C maximum, 8D transaction limit, 8E contactless limit }</c>.</summary>
    public static PocketLimits ParsePocketLimits(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new StrictTlvReader(StrictTlvReader.ReadSingle(data, PurseTag.Pocket, 0, PurseTlvBuilder.MaxValueLength));
            CurrencyCode currency = CurrencyCode.Read(reader.Read(PurseTag.Currency, CurrencyCode.Length));
            uint maximum = reader.ReadUInt32(PurseTag.MaximumBalance);
            uint transaction = reader.ReadUInt32(PurseTag.TransactionLimit);
            uint contactless = reader.ReadUInt32(PurseTag.ContactlessLimit);
            reader.EnsureEnd();
            return new PocketLimits(currency, maximum, transaction, contactless);
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    /// <summary>A certificate, structure only (spec 3.3); its values are judged by the caller in the spec's order.</summary>
    public static PurseCertificate ParseCertificate(ReadOnlySpan<byte> data)
    {
        try
        {
            return PurseCertificate.Parse(data);
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    /// <summary>Issuer-authorised data: <c>parameters ‖ 89 counter ‖ 9E signature</c> (spec 7.1, 5.19).</summary>
    public static IssuerCommandData ParseIssuerCommand(ReadOnlySpan<byte> data, MessageType type)
    {
        try
        {
            var reader = new StrictTlvReader(data);
            CurrencyCode currency = default;
            uint amount = 0;
            byte[] digest = [];
            byte[] code = [];
            switch (type)
            {
                case MessageType.Mint:
                    currency = CurrencyCode.Read(reader.Read(PurseTag.Currency, CurrencyCode.Length));
                    amount = reader.ReadUInt32(PurseTag.Amount);
                    break;
                case MessageType.ClearExceptionLog:
                    digest = reader.Read(PurseTag.LogDigest, PurseConstants.DigestLength).ToArray();
                    break;
                case MessageType.ResetLockCode:
                    code = reader.Read(PurseTag.LockCode, PurseConstants.MinLockCodeLength, PurseConstants.MaxLockCodeLength).ToArray();
                    Refuse(!LockCode.IsValid(code));
                    break;
            }
            byte[] parameters = data[..reader.Offset].ToArray();
            uint counter = reader.ReadUInt32(PurseTag.IssuerCounter);
            byte[] signature = reader.Read(PurseTag.Signature, PurseConstants.MinSignatureLength, PurseConstants.MaxSignatureLength)
                .ToArray();
            reader.EnsureEnd();
            return new IssuerCommandData(parameters, counter, signature)
            {
                Currency = currency,
                Amount = amount,
                LogDigest = digest,
                LockCode = code,
            };
        }
        catch (PurseFormatException)
        {
            throw Malformed();
        }
    }

    public static IsoException Malformed() => new(StatusWord.IncorrectData);

    private static void Refuse(bool malformed)
    {
        if (malformed)
        {
            throw Malformed();
        }
    }
}
