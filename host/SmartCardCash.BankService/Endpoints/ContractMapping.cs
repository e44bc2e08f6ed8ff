using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Audit;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>The library's records as the API's documents. Secrets are never mapped: a document that carries one
/// (an issued key, an opened account's credential) is built where it is issued.</summary>
internal static class ContractMapping
{
    public static AccountJson Json(this Account account) => new(
        account.Id.Value,
        KindName(account.Kind),
        account.Currency.AlphaCode,
        account.Holds,
        account.Balance.DebitsPending + account.Balance.CreditsPending,
        account.FeeRate is FeeRate fee ? new FeeRateJson(fee.BasisPoints, fee.FixedMinorUnits) : null,
        account.CreatedAt);

    public static ApiKeyJson Json(this ApiKey key) =>
        new(key.Id, RoleNames.Of(key.Role), key.MerchantAccount?.Value, key.Label, key.CreatedAt, key.RevokedAt);

    public static AuditJson Json(this AuditReport report) => new(
        report.Balanced,
        report.Accounts,
        report.Transfers,
        [.. report.Currencies.Select(c => new CurrencyTotalsJson(c.Currency.AlphaCode, c.Minted, c.MintedGross, c.WrittenOff, c.BankPurses,
            c.Outstanding, c.Float, c.Suspense, c.FeeIncome, c.Cash, c.Customers, c.Merchants, c.Reserved, c.OpenPendingTransfers))],
        [.. report.Findings.Select(f => new AuditFindingJson(f.Check.ToString(), f.Subject, f.Sentence))]);

    /// <summary><c>customer</c>, <c>merchant</c>, <c>bank-purse</c>, <c>e-value-outstanding</c>…</summary>
    public static string KindName(AccountKind kind) => AccountKinds.Name(kind);
}
