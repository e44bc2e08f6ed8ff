namespace SmartCardCash.Purse.Spec;

/// <summary>One pocket of GET DATA 05 and PUT DATA 03: contactless ≤ transaction ≤ maximum (spec 6.2).</summary>
public sealed record PocketLimits(CurrencyCode Currency, uint MaximumBalance, uint TransactionLimit, uint ContactlessLimit)
{
    public bool AreConsistent => ContactlessLimit <= TransactionLimit && TransactionLimit <= MaximumBalance;
}
