using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

/// <summary>One pocket as <c>scc info</c> shows it: balance and limits, in minor units of <see cref="Currency"/>.</summary>
public sealed record PocketInfo(CurrencyCode Currency, uint Balance, uint MaximumBalance, uint TransactionLimit,
    uint ContactlessLimit)
{
    public Money BalanceMoney => new(Currency, Balance);

    public Money MaximumBalanceMoney => new(Currency, MaximumBalance);

    public Money TransactionLimitMoney => new(Currency, TransactionLimit);

    public Money ContactlessLimitMoney => new(Currency, ContactlessLimit);
}
