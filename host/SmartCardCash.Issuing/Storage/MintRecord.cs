using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Storage;

/// <summary>
/// One line of the mint journal: value the issuer brought into existence in a bank purse. Until a settlement service
/// exists the journal is the bank's record of its float.
/// </summary>
public sealed record MintRecord(DateTimeOffset Time, PurseId Purse, CurrencyCode Currency, uint Amount, uint IssuerCounter)
{
    public Money AmountMoney => new(Currency, Amount);
}
