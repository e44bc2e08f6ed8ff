using System.Globalization;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>A row of <c>cleared_vals</c> or <c>clone_evidence</c> as Dapper reads it.</summary>
internal sealed class ClearedValRow
{
    public const string Columns = "v.pd AS Pd, v.val_signature AS ValSignature, v.ack_signature AS AckSignature, v.cleared_at AS ClearedAt";

    public string Pd { get; set; } = "";

    public string ValSignature { get; set; } = "";

    public string? AckSignature { get; set; }

    public string ClearedAt { get; set; } = "";

    public uint FromSeq => PaymentDetails.Decode(Hex.Decode(Pd)).FromSeq;

    public ClearedVal ToClearedVal()
    {
        PaymentDetails pd = PaymentDetails.Decode(Hex.Decode(Pd));
        var val = new ProtectedMessage(MessageType.Val, pd, Hex.Decode(ValSignature));
        ProtectedMessage? ack = AckSignature is null ? null : new ProtectedMessage(MessageType.Ack, pd, Hex.Decode(AckSignature));
        return new ClearedVal(new SignedPayment(val, ack),
            DateTimeOffset.Parse(ClearedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
