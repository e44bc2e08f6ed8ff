namespace SmartCardCash.BankApi.Contracts;

/// <summary>One currency's books as the audit recomputed them, in minor units (docs/bank.md, "What the audit proves").</summary>
public sealed record CurrencyTotalsJson(
    string Currency,
    long Minted,
    long MintedGross,
    long WrittenOff,
    long BankPurses,
    long Outstanding,
    long Float,
    long Suspense,
    long FeeIncome,
    long Cash,
    long Customers,
    long Merchants,
    long Reserved,
    int OpenPendingTransfers);
