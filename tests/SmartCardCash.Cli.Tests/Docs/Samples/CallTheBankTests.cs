using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>docs/bank.md's sample opens an account, takes cash in and finds the books balanced.</summary>
public sealed class CallTheBankTests
{
    [Fact]
    public async Task The_sample_opens_an_account_takes_cash_in_and_the_books_balance()
    {
        using var home = new TempFolder();

        AuditJson audit = await CallTheBank.RunAsync(Path.Combine(home.Path, "bank.db"));

        Assert.True(audit.Balanced);
        Assert.Equal(50_00, Assert.Single(audit.Currencies).Customers);
    }
}
