using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Audit;

/// <summary>
/// One currency's payments the exception archive holds open, as the archive knows them: maybe lost (a payer's 01
/// alone, which moves no funds, so the ledger does not show it) and owed (definitely lost, set aside in suspense,
/// waiting for an account), each a count and a value in minor units.
/// </summary>
public sealed record OpenLostValue(Currency Currency, int MaybeLostCount, long MaybeLostValue, int OwedCount, long OwedValue);
