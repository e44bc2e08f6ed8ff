using System.Globalization;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>A row of <c>accounts</c> as Dapper reads it (<see cref="LedgerStore.AccountColumns"/>).</summary>
internal sealed class AccountRow
{
    public string Id { get; set; } = "";

    public string Currency { get; set; } = "";

    public string Kind { get; set; } = "";

    public long Flags { get; set; }

    public long? FeeBasisPoints { get; set; }

    public long? FeeFixed { get; set; }

    public long DebitsPending { get; set; }

    public long DebitsPosted { get; set; }

    public long CreditsPending { get; set; }

    public long CreditsPosted { get; set; }

    public string CreatedAt { get; set; } = "";

    public Account ToAccount() => new(
        new AccountId(Id),
        Purse.Spec.Currency.FromAlpha(Currency),
        Enum.Parse<AccountKind>(Kind),
        (AccountFlags)Flags,
        FeeBasisPoints is long basisPoints ? new FeeRate(checked((int)basisPoints), FeeFixed ?? 0) : null,
        new AccountBalance(DebitsPending, DebitsPosted, CreditsPending, CreditsPosted),
        DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
