using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary>The bank's amounts (minor units and an alpha code) as scc writes money elsewhere: "EUR 25.00".</summary>
internal static class BankMoney
{
    public static string Format(long minorUnits, string currency) =>
        Currency.Known.FirstOrDefault(c => c.AlphaCode == currency) is Currency known && minorUnits >= 0
            ? new Money(known.Code, (ulong)minorUnits).ToString()
            : $"{currency} {minorUnits} (minor units)";
}
