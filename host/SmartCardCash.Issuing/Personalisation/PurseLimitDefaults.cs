using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Personalisation;

/// <summary>
/// Default pocket limits by purse class, in major units of the currency:
/// <list type="table">
/// <listheader><term>class</term><description>maximum balance / transaction / contactless</description></listheader>
/// <item><term>customer</term><description>500.00 / 200.00 / 50.00</description></item>
/// <item><term>merchant</term><description>50 000.00 / 20 000.00 / 50.00 (the contactless limit covers refunds)</description></item>
/// <item><term>bank</term><description>the 32-bit maximum for both, contactless 0: a bank purse never pays without its lock code over the air</description></item>
/// </list>
/// Currencies without a minor unit (JPY, KRW, ISK) use 100 times these figures, so a customer's JPY pocket holds up
/// to JPY 50000 rather than JPY 500.
/// </summary>
public static class PurseLimitDefaults
{
    public static PocketLimits For(PurseClass purseClass, CurrencyCode currency)
    {
        if (purseClass == PurseClass.Bank)
        {
            return new PocketLimits(currency, uint.MaxValue, uint.MaxValue, 0);
        }
        (ulong maximum, ulong transaction, ulong contactless) = purseClass switch
        {
            PurseClass.Customer => (500UL, 200UL, 50UL),
            PurseClass.Merchant => (50_000UL, 20_000UL, 50UL),
            _ => throw new ArgumentOutOfRangeException(nameof(purseClass), purseClass, "purse classes are customer, merchant and bank"),
        };
        int exponent = Money.MinorUnitExponentOf(currency);
        ulong scale = exponent == 0 ? 100 : Pow10(exponent);
        return new PocketLimits(currency, Clamp(maximum * scale), Clamp(transaction * scale), Clamp(contactless * scale));
    }

    private static ulong Pow10(int exponent)
    {
        ulong result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }

    private static uint Clamp(ulong value) => value > uint.MaxValue ? uint.MaxValue : (uint)value;
}
