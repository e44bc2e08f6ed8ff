using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Archive;

/// <summary>A payment a payer's 01 record reported in flight, keyed by its PD: its state, where a refund went, and
/// when it was opened and closed (null while open).</summary>
public sealed record LostPayment(
    PaymentDetails Details,
    LostPaymentState State,
    AccountId? RefundAccount,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt)
{
    public bool IsOpen => State is LostPaymentState.MaybeLost or LostPaymentState.Owed;
}
