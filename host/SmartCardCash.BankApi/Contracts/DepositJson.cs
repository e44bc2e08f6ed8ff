namespace SmartCardCash.BankApi.Contracts;

/// <summary>A deposit as the bank records it. <see cref="State"/> is <c>open</c>, <c>credited</c> (the bank purse
/// accepted the val: <see cref="Amount"/> arrived, <see cref="Fee"/> went to the bank, <see cref="Credited"/> to the
/// merchant), <c>cancelled</c> or <c>value-logged</c>. <see cref="AlreadyOpen"/> on a retried opening.</summary>
public sealed record DepositJson(
    string Id,
    string MerchantAccount,
    string MerchantPurse,
    string Currency,
    string BankPurse,
    string State,
    long? Amount,
    long? Fee,
    long? Credited,
    bool AlreadyOpen);
