namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// An account's totals, kept by the ledger in the same database transaction as each transfer, and recomputed from
/// the transfers by the audit. All four are sums of positive amounts, so none is ever negative.
/// </summary>
public readonly record struct AccountBalance(long DebitsPending, long DebitsPosted, long CreditsPending, long CreditsPosted)
{
    public static AccountBalance Zero => default;

    /// <summary>Posted credits less posted debits: what a credit-side account holds.</summary>
    public long CreditBalance => CreditsPosted - DebitsPosted;

    /// <summary>Posted debits less posted credits: what a debit-side account holds.</summary>
    public long DebitBalance => DebitsPosted - CreditsPosted;

    /// <summary>What a credit-side account could still be debited, its pending debits counted.</summary>
    public long AvailableCredit => CreditsPosted - DebitsPosted - DebitsPending;

    /// <summary>Whether <paramref name="flags"/> hold for these totals.</summary>
    public bool Satisfies(AccountFlags flags) =>
        (!flags.HasFlag(AccountFlags.DebitsMustNotExceedCredits) || DebitsPending + DebitsPosted <= CreditsPosted) &&
        (!flags.HasFlag(AccountFlags.CreditsMustNotExceedDebits) || CreditsPending + CreditsPosted <= DebitsPosted);

    public bool IsNonNegative => DebitsPending >= 0 && DebitsPosted >= 0 && CreditsPending >= 0 && CreditsPosted >= 0;

    public override string ToString() =>
        $"debits {DebitsPosted} posted + {DebitsPending} pending, credits {CreditsPosted} posted + {CreditsPending} pending";
}
