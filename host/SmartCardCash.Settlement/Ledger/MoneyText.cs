using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>Amounts in the bank's sentences written as money, the way <see cref="Money"/> writes them everywhere else
/// ("EUR 30.00", "-EUR 0.05"), never as raw minor units: a reader of "3000, not 3100" cannot tell 30 from 3,000.</summary>
public static class MoneyText
{
    public static string Of(Currency currency, long minorUnits)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return minorUnits < 0
            ? $"-{Money.Of(currency, (ulong)-(minorUnits + 1) + 1)}"
            : Money.Of(currency, (ulong)minorUnits).ToString();
    }
}
