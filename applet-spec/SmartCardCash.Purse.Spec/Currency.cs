using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// A known ISO 4217 currency: alpha code, numeric code (as the card's BCD <see cref="CurrencyCode"/>) and the exponent of
/// its minor unit, so that hosts can show <c>00 00 04 E2</c> in EUR as "12.50 EUR".
/// </summary>
public sealed class Currency
{
    public static readonly Currency Eur = new("EUR", 978, 2);
    public static readonly Currency Gbp = new("GBP", 826, 2);
    public static readonly Currency Usd = new("USD", 840, 2);
    public static readonly Currency Jpy = new("JPY", 392, 0);
    public static readonly Currency Chf = new("CHF", 756, 2);
    public static readonly Currency Sek = new("SEK", 752, 2);
    public static readonly Currency Nok = new("NOK", 578, 2);
    public static readonly Currency Dkk = new("DKK", 208, 2);
    public static readonly Currency Pln = new("PLN", 985, 2);
    public static readonly Currency Czk = new("CZK", 203, 2);
    public static readonly Currency Cad = new("CAD", 124, 2);
    public static readonly Currency Aud = new("AUD", 36, 2);
    public static readonly Currency Krw = new("KRW", 410, 0);
    public static readonly Currency Isk = new("ISK", 352, 0);
    public static readonly Currency Kwd = new("KWD", 414, 3);
    public static readonly Currency Bhd = new("BHD", 48, 3);

    private static readonly Currency[] KnownCurrencies =
        [Eur, Gbp, Usd, Jpy, Chf, Sek, Nok, Dkk, Pln, Czk, Cad, Aud, Krw, Isk, Kwd, Bhd];

    private Currency(string alphaCode, int numericCode, int minorUnitExponent)
    {
        AlphaCode = alphaCode;
        NumericCode = numericCode;
        MinorUnitExponent = minorUnitExponent;
        Code = CurrencyCode.FromNumeric(numericCode);
    }

    /// <summary>ISO 4217 alpha code, e.g. "EUR".</summary>
    public string AlphaCode { get; }

    /// <summary>ISO 4217 numeric code, e.g. 978.</summary>
    public int NumericCode { get; }

    /// <summary>Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.</summary>
    public int MinorUnitExponent { get; }

    /// <summary>The two BCD bytes the card uses.</summary>
    public CurrencyCode Code { get; }

    public static IReadOnlyList<Currency> Known => KnownCurrencies;

    public static bool TryFromCode(CurrencyCode code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = Array.Find(KnownCurrencies, c => c.Code == code);
        return currency is not null;
    }

    public static Currency FromCode(CurrencyCode code) =>
        TryFromCode(code, out Currency? currency)
            ? currency
            : throw new KeyNotFoundException($"currency code {code.Value:X4} is not one of the known currencies.");

    public static bool TryFromAlpha(string alphaCode, [NotNullWhen(true)] out Currency? currency)
    {
        ArgumentNullException.ThrowIfNull(alphaCode);
        currency = Array.Find(KnownCurrencies, c => string.Equals(c.AlphaCode, alphaCode, StringComparison.OrdinalIgnoreCase));
        return currency is not null;
    }

    public static Currency FromAlpha(string alphaCode) =>
        TryFromAlpha(alphaCode, out Currency? currency)
            ? currency
            : throw new KeyNotFoundException($"'{alphaCode}' is not one of the known currencies.");

    /// <summary>"12.50 EUR" for 1250 minor units.</summary>
    public string FormatAmount(ulong minorUnits)
    {
        decimal major = minorUnits / Pow10(MinorUnitExponent);
        string number = major.ToString("F" + MinorUnitExponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return $"{number} {AlphaCode}";
    }

    /// <summary>Converts an amount in major units (12.50) to minor units (1250); refuses fractions of a minor unit.</summary>
    public uint ToMinorUnits(decimal amount)
    {
        decimal minor = amount * Pow10(MinorUnitExponent);
        if (minor != decimal.Truncate(minor) || minor < 0 || minor > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                $"{AlphaCode} amounts are whole multiples of 10^-{MinorUnitExponent} between 0 and {uint.MaxValue} minor units.");
        }
        return (uint)minor;
    }

    public override string ToString() => AlphaCode;

    private static decimal Pow10(int exponent)
    {
        decimal result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }
}
