namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/audit: the ledger audit of one snapshot. <see cref="Balanced"/> when there are no findings.</summary>
public sealed record AuditJson(
    bool Balanced,
    int Accounts,
    long Transfers,
    IReadOnlyList<CurrencyTotalsJson> Currencies,
    IReadOnlyList<AuditFindingJson> Findings);
