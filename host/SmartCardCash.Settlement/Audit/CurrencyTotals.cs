using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Audit;

/// <summary>
/// One currency's books as the audit recomputed them from the transfers, in minor units, each on its account kind's
/// normal side. The audit's invariants: <see cref="Minted"/> = <see cref="BankPurses"/> + <see cref="Outstanding"/>,
/// and <see cref="Float"/> + <see cref="Suspense"/> = <see cref="Outstanding"/>.
/// </summary>
public sealed record CurrencyTotals(
    Currency Currency,
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
    int OpenPendingTransfers)
{
    /// <summary>Value minted less lost value written off: what exists, in bank purses or outside.</summary>
    public long Minted => MintedGross - WrittenOff;
}
