using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>A val the bank verified and keeps (a cleared payment, or the second of a clone's two), and when.</summary>
public sealed record ClearedVal(SignedPayment Payment, DateTimeOffset ClearedAt);
