using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// An account to open. Opening is idempotent: the same ID with the same content returns the account; the same ID with
/// other content is refused. A merchant has a <see cref="FeeRate"/>; no other kind may.
/// </summary>
public sealed record NewAccount
{
    public NewAccount(AccountId id, Currency currency, AccountKind kind, FeeRate? feeRate = null, AccountFlags? flags = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an account kind.");
        }
        if ((kind == AccountKind.Merchant) != feeRate.HasValue)
        {
            throw new ArgumentException(kind == AccountKind.Merchant
                ? $"merchant account {id} needs a fee rate."
                : $"account {id} is {AccountKinds.WithArticle(kind)} account, and only merchant accounts have a fee rate.", nameof(feeRate));
        }
        AccountFlags chosen = flags ?? AccountKinds.DefaultFlags(kind);
        if (chosen == (AccountFlags.DebitsMustNotExceedCredits | AccountFlags.CreditsMustNotExceedDebits))
        {
            throw new ArgumentException($"account {id} cannot forbid both sides from exceeding the other: it could never move.", nameof(flags));
        }
        (Id, Currency, Kind, FeeRate, Flags) = (id, currency, kind, feeRate, chosen);
    }

    public AccountId Id { get; }

    public Currency Currency { get; }

    public AccountKind Kind { get; }

    public FeeRate? FeeRate { get; }

    public AccountFlags Flags { get; }

    public LedgerBook Book => AccountKinds.BookOf(Kind);
}
