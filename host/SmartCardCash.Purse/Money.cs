using System.Globalization;
using System.Numerics;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

/// <summary>
/// An amount in one currency, held in minor units as the card holds it, written as people read it: "EUR 12.50",
/// "JPY 1250", "KWD 1.250". 64 bits wide so that sums of 32-bit card amounts (a mint journal's totals) fit.
/// </summary>
public readonly record struct Money(CurrencyCode Currency, ulong MinorUnits)
{
    /// <summary>The currency's minor-unit exponent: from ISO 4217 when known, otherwise 2.</summary>
    public int Exponent => MinorUnitExponentOf(Currency);

    /// <summary>"12.50" for EUR 1250 minor units, "1250" for JPY 1250.</summary>
    public string AmountText => FormatAmount(MinorUnits, Exponent);

    /// <summary>The most a card holds in one pocket, and the most one payment or mint moves: 32 bits of minor units.</summary>
    public const ulong CardMaximum = uint.MaxValue;

    /// <summary>"EUR 12.50".</summary>
    public override string ToString() => $"{Currency} {AmountText}";

    /// <summary>
    /// The amount as a card's command carries it: 32 bits of minor units. Every amount bound for a card passes here.
    /// </summary>
    /// <param name="allowZero">False for an amount that must move something (a payment request): zero is refused here
    /// rather than by the card.</param>
    /// <exception cref="ArgumentOutOfRangeException">More than a card holds, or zero where zero is not allowed.</exception>
    public uint ToCardValue(bool allowZero)
    {
        if (MinorUnits > CardMaximum)
        {
            throw new ArgumentOutOfRangeException("amount", MinorUnits,
                $"{this} is more than a purse can hold ({new Money(Currency, CardMaximum)})");
        }
        if (MinorUnits == 0 && !allowZero)
        {
            throw new ArgumentOutOfRangeException("amount", MinorUnits, $"the amount must be more than {this}");
        }
        return (uint)MinorUnits;
    }

    public static Money Of(Currency currency, ulong minorUnits)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(currency.Code, minorUnits);
    }

    /// <summary>2 for codes outside <see cref="Spec.Currency.Known"/>: the most common exponent.</summary>
    public static int MinorUnitExponentOf(CurrencyCode code) =>
        Spec.Currency.TryFromCode(code, out Currency? known) ? known.MinorUnitExponent : 2;

    internal static string FormatAmount(ulong minorUnits, int exponent)
    {
        if (exponent == 0)
        {
            return minorUnits.ToString(CultureInfo.InvariantCulture);
        }
        BigInteger scale = BigInteger.Pow(10, exponent);
        BigInteger whole = BigInteger.DivRem(minorUnits, scale, out BigInteger fraction);
        return whole.ToString(CultureInfo.InvariantCulture) + "." +
            fraction.ToString(CultureInfo.InvariantCulture).PadLeft(exponent, '0');
    }
}
