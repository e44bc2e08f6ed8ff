namespace SmartCardCash.BankApi.Contracts;

/// <summary>A payment a payer's 01 record reported in flight. <see cref="State"/> is <c>maybe-lost</c> or <c>owed</c>
/// while open, <c>refunded</c> or <c>arrived</c> once closed; <see cref="OpenSeconds"/> is how long it has been (or
/// was) open. <see cref="Pd"/> is the payment details in hex, its natural key.</summary>
public sealed record LostPaymentJson(
    string Pd,
    string Payer,
    long FromSeq,
    string Payee,
    long Amount,
    string Currency,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    long OpenSeconds);
