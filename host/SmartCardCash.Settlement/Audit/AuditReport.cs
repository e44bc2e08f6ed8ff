namespace SmartCardCash.Settlement.Audit;

/// <summary>What the audit saw in one snapshot of the ledger: the totals per currency and every finding.
/// <see cref="Balanced"/> when there are none: the books balance.</summary>
public sealed record AuditReport(
    IReadOnlyList<CurrencyTotals> Currencies,
    IReadOnlyList<AuditFinding> Findings,
    int Accounts,
    long Transfers)
{
    public bool Balanced => Findings.Count == 0;
}
