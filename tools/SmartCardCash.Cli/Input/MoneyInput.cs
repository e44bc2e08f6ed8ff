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

    /// <summary>An amount to pay or mint, in <paramref name="currency"/>'s major units ("12.50").</summary>
    /// <param name="positive">Refuse zero: a payment or a mint must move something.</param>
    public static Money Amount(string? text, Currency currency, string optionName, bool positive = false)
    {
        Money amount;
        try
        {
            amount = Amounts.Parse(text ?? string.Empty, currency);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{optionName}: {ErrorReporter.OneLine(e.Message)}");
        }
        if (positive && amount.MinorUnits == 0)
        {
            throw new UsageException($"{optionName}: the amount must be more than {amount}");
        }
        return amount;
    }

    /// <summary>A card limit (maximum balance, transaction or contactless limit), in minor units as the card keeps it.</summary>
    public static uint Limit(string? text, Currency currency, string optionName) =>
        Amount(text, currency, optionName).ToCardValue(allowZero: true);
}
