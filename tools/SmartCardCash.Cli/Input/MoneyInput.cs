using SmartCardCash.Cli.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Input;

/// <summary>Currencies and amounts from the command line; every refusal is one line and exit 2.</summary>
internal static class MoneyInput
{
    public static Currency Currency(string? text)
    {
        try
        {
            return Amounts.ParseCurrency(text ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new UsageException(ErrorReporter.OneLine(e.Message));
        }
    }

    public static IReadOnlyList<Currency> Currencies(IEnumerable<string> texts)
    {
        try
        {
            return Amounts.ParseCurrencies(texts);
        }
        catch (FormatException e)
        {
            throw new UsageException(ErrorReporter.OneLine(e.Message));
        }
    }

    /// <summary>An amount in <paramref name="currency"/>'s major units, to minor units.</summary>
    public static uint Amount(string? text, Currency currency, string optionName, bool positive = false)
    {
        uint minor;
        try
        {
            minor = Amounts.Parse(text ?? string.Empty, currency);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{optionName}: {ErrorReporter.OneLine(e.Message)}");
        }
        if (positive && minor == 0)
        {
            throw new UsageException($"{optionName}: the amount must be more than {Money.Of(currency, 0)}");
        }
        return minor;
    }
}
