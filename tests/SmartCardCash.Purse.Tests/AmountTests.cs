using CsCheck;

namespace SmartCardCash.Purse.Tests;

public sealed class AmountTests
{
    [Theory]
    [InlineData("EUR", 1250u, "EUR 12.50")]
    [InlineData("JPY", 1250u, "JPY 1250")]
    [InlineData("KWD", 1250u, "KWD 1.250")]
    [InlineData("EUR", 5u, "EUR 0.05")]
    [InlineData("EUR", 0u, "EUR 0.00")]
    [InlineData("GBP", uint.MaxValue, "GBP 42949672.95")]
    public void Money_is_written_with_the_currency_minor_units(string currency, uint minor, string text)
    {
        Assert.Equal(text, Money.Of(Currency.FromAlpha(currency), minor).ToString());
    }

    [Theory]
    [InlineData("EUR", "12.50", 1250u)]
    [InlineData("EUR", "12.5", 1250u)]
    [InlineData("EUR", "12", 1200u)]
    [InlineData("EUR", " 0.01 ", 1u)]
    [InlineData("JPY", "1250", 1250u)]
    [InlineData("KWD", "1.25", 1250u)]
    [InlineData("EUR", "42949672.95", uint.MaxValue)]
    [InlineData("EUR", "0000012.50", 1250u)]
    public void Amounts_parse_to_money_in_minor_units(string currency, string text, uint minor)
    {
        Assert.Equal(Money.Of(Currency.FromAlpha(currency), minor), Amounts.Parse(text, Currency.FromAlpha(currency)));
    }

    [Theory]
    [InlineData("EUR", "-5", "negative")]
    [InlineData("EUR", "12.505", "more than 2 decimals")]
    [InlineData("JPY", "12.5", "JPY has no minor unit")]
    [InlineData("EUR", "abc", "not an amount")]
    [InlineData("EUR", "1e3", "not an amount")]
    [InlineData("EUR", "1,000.00", "not an amount")]
    [InlineData("EUR", "12.", "not an amount")]
    [InlineData("EUR", ".5", "not an amount")]
    [InlineData("EUR", "+5", "not an amount")]
    [InlineData("EUR", "", "an amount is needed")]
    [InlineData("EUR", "42949672.96", "more than a purse can hold")]
    [InlineData("JPY", "99999999999999999999", "more than a purse can hold")]
    public void Bad_amounts_are_refused_with_a_plain_reason(string currency, string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Amounts.Parse(text, Currency.FromAlpha(currency)));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Every_amount_of_every_currency_formats_and_parses_back()
    {
        Gen.Select(Gen.OneOf([.. Currency.Known]), Gen.UInt)
            .Sample((currency, minor) =>
            {
                Money money = Money.Of(currency, minor);
                Assert.Equal(money, Amounts.Parse(money.AmountText, currency));
                Assert.Equal(minor, money.ToCardValue(allowZero: true));
                Assert.Equal($"{currency.AlphaCode} {money.AmountText}", money.ToString());
            });
    }

    [Fact]
    public void An_amount_goes_to_a_card_as_32_bits_of_minor_units_or_not_at_all()
    {
        Assert.Equal(uint.MaxValue, Money.Of(Currency.Eur, uint.MaxValue).ToCardValue(allowZero: false));
        Assert.Equal(0u, Money.Of(Currency.Eur, 0).ToCardValue(allowZero: true));

        var tooMuch = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(Currency.Eur, (ulong)uint.MaxValue + 1).ToCardValue(allowZero: true));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(Currency.Jpy, 0).ToCardValue(allowZero: false));

        Assert.StartsWith("EUR 42949672.96 is more than a purse can hold (EUR 42949672.95)", tooMuch.Message);
        Assert.StartsWith("the amount must be more than JPY 0", zero.Message);
    }

    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData(" GBP ", "GBP")]
    public void Currencies_parse_in_any_case(string text, string code)
    {
        Assert.Equal(code, Amounts.ParseCurrency(text).AlphaCode);
    }

    [Fact]
    public void An_unknown_currency_lists_the_known_ones()
    {
        var error = Assert.Throws<FormatException>(() => Amounts.ParseCurrency("EUX"));

        Assert.Contains("'EUX' is not a known currency", error.Message);
        Assert.Contains("EUR, GBP, USD, JPY", error.Message);
    }

    [Fact]
    public void Currency_lists_refuse_repeats_and_too_many()
    {
        Assert.Equal(["EUR", "GBP"], Amounts.ParseCurrencies(["EUR,gbp"]).Select(c => c.AlphaCode));
        Assert.Contains("listed twice", Assert.Throws<FormatException>(() => Amounts.ParseCurrencies(["EUR", "eur"])).Message);
        Assert.Contains("at most 5", Assert.Throws<FormatException>(() =>
            Amounts.ParseCurrencies(["EUR,GBP,USD,JPY,CHF,SEK"])).Message);
    }
}
