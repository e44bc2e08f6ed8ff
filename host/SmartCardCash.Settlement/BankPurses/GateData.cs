using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>What the bank's gates read from a command's data before it reaches a bank purse: the certificate's holder,
/// a start's counterparty, currency and value, a protected message's payment details. Malformed data reads as null:
/// the gate refuses it, and the purse never sees it.</summary>
internal static class GateData
{
    /// <summary>The holder of the certificate VERIFY CERTIFICATE carries.</summary>
    public static PurseId? CertificateHolder(CommandApdu apdu) => ReadValue(() => PurseCertificate.Parse(apdu.Data.Span).Body.Holder);

    /// <summary>START FROM's or START TO's counterparty, currency and value (its sequence number is the card's business),
    /// with no order digest: the bank authorises nothing it did not see.</summary>
    public static (PurseId Peer, CurrencyCode Currency, uint Value)? Start(CommandApdu apdu) => ReadValue<(PurseId, CurrencyCode, uint)>(() =>
    {
        var reader = new StrictTlvReader(apdu.Data.Span);
        PurseId peer = PurseId.Read(reader.Read(PurseTag.PurseId, PurseId.Length));
        CurrencyCode currency = CurrencyCode.Read(reader.Read(PurseTag.Currency, CurrencyCode.Length));
        uint value = reader.ReadUInt32(PurseTag.Amount);
        _ = reader.ReadUInt32(PurseTag.SequenceNumber);
        reader.EnsureEnd();
        return (peer, currency, value);
    });

    /// <summary>The payment details of a REQ, VAL or ACK.</summary>
    public static PaymentDetails? Payment(CommandApdu apdu, MessageType type) =>
        Read(() => ProtectedMessage.Parse(type, apdu.Data.Span).Details);

    private static T? Read<T>(Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (SmartCardException)
        {
            return null;
        }
    }

    private static T? ReadValue<T>(Func<T> read) where T : struct
    {
        try
        {
            return read();
        }
        catch (SmartCardException)
        {
            return null;
        }
    }
}
