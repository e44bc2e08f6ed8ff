namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/audit: the ledger audit of one snapshot. <see cref="Balanced"/> when there are no findings.
/// <see cref="OpenLostPayments"/>: the maybe-lost and owed payments still open (their value is in suspense).</summary>
public sealed record AuditJson(
    bool Balanced,
    int Accounts,
    long Transfers,
    IReadOnlyList<CurrencyTotalsJson> Currencies,
    IReadOnlyList<AuditFindingJson> Findings,
    IReadOnlyList<LostPaymentJson>? OpenLostPayments = null);
