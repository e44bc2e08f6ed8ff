using System.Globalization;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

/// <summary>
/// Reads amounts and currencies as people type them: "12.50" in EUR, "1250" in JPY, "EUR". Every refusal is a
/// <see cref="FormatException"/> with one plain sentence.
/// </summary>
public static class Amounts
{
    /// <summary>
    /// "12.50" → EUR 12.50 (1250 minor units). Accepts digits with at most the currency's number of decimals after a point
    /// ("12", "12.5", "12.50"); refuses signs, exponents, separators, and amounts a card cannot hold.
    /// </summary>
    /// <exception cref="FormatException">The text is not such an amount.</exception>
    public static Money Parse(string text, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (!TryParse(text, currency, out Money amount, out string? problem))
        {
            throw new FormatException(problem);
        }
        return amount;
    }

    public static bool TryParse(string? text, Currency currency, out Money amount, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(currency);
        amount = Money.Of(currency, 0);
        string shown = text ?? string.Empty;
        string trimmed = shown.Trim();
        int exponent = currency.MinorUnitExponent;
        string example = exponent == 0 ? "1250" : "12." + "5".PadRight(exponent, '0');
        if (trimmed.Length == 0)
        {
            problem = $"an amount is needed, like {example}";
            return false;
        }
        if (trimmed.StartsWith('-'))
        {
            problem = $"'{shown}' is negative: amounts are positive numbers like {example}";
            return false;
        }
        int point = trimmed.IndexOf('.', StringComparison.Ordinal);
        string whole = point < 0 ? trimmed : trimmed[..point];
        string fraction = point < 0 ? string.Empty : trimmed[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (point >= 0 && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))))
        {
            problem = $"'{shown}' is not an amount: write it like {example}";
            return false;
        }
        if (fraction.Length > exponent)
        {
            problem = exponent == 0
                ? $"'{shown}' has decimals, but {currency.AlphaCode} has no minor unit: write it like {example}"
                : $"'{shown}' has more than {exponent} decimals, the most {currency.AlphaCode} has";
            return false;
        }
        string digits = (whole + fraction.PadRight(exponent, '0')).TrimStart('0');
        if (digits.Length > 10 || (digits.Length > 0 && ulong.Parse(digits, CultureInfo.InvariantCulture) > Money.CardMaximum))
        {
            problem = $"{currency.AlphaCode} {trimmed} is more than a purse can hold " +
                $"({Money.Of(currency, Money.CardMaximum)})";
            return false;
        }
        amount = Money.Of(currency, digits.Length == 0 ? 0 : ulong.Parse(digits, CultureInfo.InvariantCulture));
        problem = null;
        return true;
    }

    /// <summary>"EUR" (any case) → the currency; a plain error naming the known ones otherwise.</summary>
    /// <exception cref="FormatException">Not a known ISO 4217 alpha code.</exception>
    public static Currency ParseCurrency(string text)
    {
        string trimmed = (text ?? string.Empty).Trim();
        if (Currency.TryFromAlpha(trimmed, out Currency? currency))
        {
            return currency;
        }
        string known = string.Join(", ", Currency.Known.Select(c => c.AlphaCode));
        throw new FormatException(trimmed.Length == 0
            ? $"a currency is needed: one of {known}"
            : $"'{trimmed}' is not a known currency; the known ones are {known}");
    }

    /// <summary>"EUR,GBP" → both, in order; refuses repeats and more than a purse holds.</summary>
    /// <exception cref="FormatException">An unknown code, a repeat, or more than <see cref="PurseConstants.MaxPockets"/>.</exception>
    public static IReadOnlyList<Currency> ParseCurrencies(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var currencies = new List<Currency>();
        foreach (string part in texts.SelectMany(t => (t ?? string.Empty).Split(',', StringSplitOptions.TrimEntries)))
        {
            Currency currency = ParseCurrency(part);
            if (currencies.Contains(currency))
            {
                throw new FormatException($"{currency.AlphaCode} is listed twice");
            }
            currencies.Add(currency);
        }
        if (currencies.Count == 0)
        {
            throw new FormatException("at least one currency is needed, like EUR");
        }
        if (currencies.Count > PurseConstants.MaxPockets)
        {
            throw new FormatException($"a purse holds at most {PurseConstants.MaxPockets} currencies; {currencies.Count} were given");
        }
        return currencies;
    }
}
