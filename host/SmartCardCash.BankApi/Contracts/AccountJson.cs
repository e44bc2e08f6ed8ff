namespace SmartCardCash.BankApi.Contracts;

/// <summary>An account: <see cref="Balance"/> is what it holds on its normal side (posted), <see cref="Reserved"/> what
/// pending loads hold back, in minor units of <see cref="Currency"/>.</summary>
public sealed record AccountJson(
    string Id,
    string Kind,
    string Currency,
    long Balance,
    long Reserved,
    FeeRateJson? Fee,
    DateTimeOffset CreatedAt);
