namespace SmartCardCash.Settlement.Tests;

/// <summary>A merchant's fee: basis points rounded down plus a fixed part, never more than the deposit.</summary>
public sealed class FeeRateTests
{
    [Theory]
    [InlineData(150, 10, 3_000, 55)]
    [InlineData(150, 0, 99, 1)]
    [InlineData(1, 0, 9_999, 0)]
    [InlineData(0, 25, 1_000, 25)]
    [InlineData(0, 50, 40, 40)]
    [InlineData(10_000, 0, 777, 777)]
    [InlineData(2_500, 1, long.MaxValue, long.MaxValue / 4 + 1)]
    public void The_fee_is_the_basis_points_rounded_down_plus_the_fixed_part_at_most_the_amount(int basisPoints, long fixedPart, long amount, long fee)
    {
        Assert.Equal(fee, new FeeRate(basisPoints, fixedPart).FeeOn(amount));
    }

    [Fact]
    public void A_rate_outside_0_to_100_percent_or_a_negative_fixed_part_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeRate(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeRate(10_001, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeRate(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeRate.Free.FeeOn(0));
    }

    [Fact]
    public void Only_a_merchant_account_has_a_fee_rate_and_a_merchant_needs_one()
    {
        Assert.Throws<ArgumentException>(() => new NewAccount(new("merchant.shop"), Currency.Eur, AccountKind.Merchant));
        ArgumentException customer = Assert.Throws<ArgumentException>(() => new NewAccount(new("customer.alice"), Currency.Eur, AccountKind.Customer, FeeRate.Free));
        ArgumentException outstanding = Assert.Throws<ArgumentException>(() =>
            new NewAccount(new("EUR.e-value-outstanding"), Currency.Eur, AccountKind.EValueOutstanding, FeeRate.Free));
        Assert.Throws<ArgumentException>(() => new AccountId("customer alice"));
        Assert.Throws<ArgumentException>(() => new TransferId(new string('x', TransferId.MaxLength + 1)));
        Assert.StartsWith("account customer.alice is a customer account, and only merchant accounts have a fee rate.", customer.Message, StringComparison.Ordinal);
        Assert.StartsWith("account EUR.e-value-outstanding is an e-value-outstanding account, and", outstanding.Message, StringComparison.Ordinal);
    }
}
