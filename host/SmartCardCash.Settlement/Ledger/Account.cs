using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>An account as the ledger holds it: what it was opened as, and its balance now.</summary>
public sealed record Account(
    AccountId Id,
    Currency Currency,
    AccountKind Kind,
    AccountFlags Flags,
    FeeRate? FeeRate,
    AccountBalance Balance,
    DateTimeOffset CreatedAt)
{
    public LedgerBook Book => AccountKinds.BookOf(Kind);

    /// <summary>What the account holds on its normal side (see <see cref="AccountKinds.IsDebitNormal"/>).</summary>
    public long Holds => AccountKinds.IsDebitNormal(Kind) ? Balance.DebitBalance : Balance.CreditBalance;

    /// <summary>Whether this account is what <paramref name="request"/> asks to open.</summary>
    public bool Matches(NewAccount request) =>
        request.Id == Id && request.Currency == Currency && request.Kind == Kind && request.Flags == Flags && request.FeeRate == FeeRate;
}
