using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

/// <summary>A mint the purse accepted: which purse, how much, the issuer counter it used, and the pocket's balance after.</summary>
public sealed record MintReceipt(PurseId Purse, CurrencyCode Currency, uint Amount, uint IssuerCounter, uint BalanceAfter)
{
    public Money AmountMoney => new(Currency, Amount);

    public Money BalanceAfterMoney => new(Currency, BalanceAfter);
}
