using System.Globalization;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Archive;

/// <summary>A row of <c>lost_payments</c> as Dapper reads it.</summary>
internal sealed class LostPaymentRow
{
    public const string Columns = "pd AS Pd, state AS State, transfer_key AS TransferKey, refund_account AS RefundAccount, " +
        "opened_at AS OpenedAt, closed_at AS ClosedAt";

    public string Pd { get; set; } = "";

    public string State { get; set; } = "";

    public string TransferKey { get; set; } = "";

    public string? RefundAccount { get; set; }

    public string OpenedAt { get; set; } = "";

    public string? ClosedAt { get; set; }

    public PaymentDetails Details => PaymentDetails.Decode(Hex.Decode(Pd));

    public LostPaymentState Parsed => Enum.Parse<LostPaymentState>(State);

    public LostPayment ToLostPayment() => new(Details, Parsed, RefundAccount is null ? null : new AccountId(RefundAccount),
        Time(OpenedAt), ClosedAt is null ? null : Time(ClosedAt));

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
