using System.Net;

namespace SmartCardCash.BankService.Tests;

/// <summary>Cash-in: credited once per request ID; the same request again answers from the record; the same ID with
/// other content is a 409; and the audit balances.</summary>
[Collection(ServiceCollection.Name)]
public sealed class CashInTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_same_cash_in_twice_credits_once_and_says_it_was_already_recorded(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        var request = new CashInRequest("till-1/0001", "customer.alice", 2_500, "EUR");

        CashInJson first = await service.Operator.CashInAsync(request);
        CashInJson retry = await service.Operator.CashInAsync(request);
        BankApiException conflict = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.CashInAsync(request with { Amount = 2_600 }));
        AccountJson alice = await service.Operator.GetAccountAsync("customer.alice");
        AuditJson audit = await service.Operator.AuditAsync();

        Assert.False(first.AlreadyRecorded);
        Assert.True(retry.AlreadyRecorded);
        Assert.Equal(first with { AlreadyRecorded = true }, retry);
        Assert.Equal((409, "TransferConflict"), (conflict.Status, conflict.Problem.Reason));
        Assert.Contains("its amount is EUR 25.00, not EUR 26.00", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2_500, alice.Balance);
        Assert.True(audit.Balanced);
        CurrencyTotalsJson eur = Assert.Single(audit.Currencies);
        Assert.Equal((2_500L, 2_500L), (eur.Cash, eur.Customers));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cash_in_to_an_unknown_account_or_in_another_currency_is_refused_and_writes_nothing(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        string before = service.Written();

        BankApiException unknown = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.CashInAsync(new("r1", "customer.bob", 100, "EUR")));
        BankApiException currency = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.CashInAsync(new("r2", "customer.alice", 100, "GBP")));

        Assert.Equal((404, "account"), (unknown.Status, unknown.Problem.Field));
        Assert.Equal((409, "currency"), (currency.Status, currency.Problem.Field));
        Assert.Equal("account customer.alice is in EUR, not GBP.", currency.Message);
        Assert.Equal(before, service.Written());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_retries_of_one_cash_in_credit_once(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        var request = new CashInRequest("till-1/0002", "customer.alice", 700, "EUR");

        CashInJson[] answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => service.Client(service.OperatorKey).CashInAsync(request)));

        Assert.Single(answers, a => !a.AlreadyRecorded);
        Assert.Equal(700, (await service.Operator.GetAccountAsync("customer.alice")).Balance);
        Assert.Equal(HttpStatusCode.OK, (await service.SendAsync(HttpMethod.Get, "/health")).StatusCode);
    }
}
