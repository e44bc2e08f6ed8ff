namespace SmartCardCash.Settlement.Audit;

/// <summary>What the audit saw in one snapshot of the ledger: the totals per currency and every finding.
/// <see cref="Balanced"/> when there are none: the books balance. <see cref="OpenLostValue"/> is what the exception
/// archive holds open per currency, read in the same snapshot: maybe lost payments move no funds, so only it shows them.</summary>
public sealed record AuditReport(
    IReadOnlyList<CurrencyTotals> Currencies,
    IReadOnlyList<AuditFinding> Findings,
    int Accounts,
    long Transfers)
{
    public bool Balanced => Findings.Count == 0;

    /// <summary>The archive's open payments per currency (maybe lost, owed), currencies in code order; none open: empty.</summary>
    public IReadOnlyList<OpenLostValue> OpenLostValue { get; init; } = [];
}
