using System.Net;

namespace SmartCardCash.BankService.Tests;

/// <summary>A 503 that a retry can cure says when to retry (<c>Retry-After</c>, in seconds); one that no retry cures (the
/// service runs without the issuer) says none. The database that stops is in <see cref="DatabaseDownTests"/>.</summary>
[Collection(ServiceCollection.Name)]
public sealed class RetryAfterTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_mint_into_a_purse_held_by_a_load_is_a_503_with_a_retry_after(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service);
        await floor.AuthoriseAsync("load-1", floor.Card("alice-card"), 10_00); // holds the only bank purse

        using HttpResponseMessage mint = await service.SendAsync(HttpMethod.Post, BankRoutes.BankPurseMint(floor.BankPurse.Id),
            """{"requestId":"float-2","amount":100}""", $"Bearer {service.OperatorKey}");

        Problem problem = await Problem.ReadAsync(mint, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("PurseBusy", problem.Reason);
        Assert.Equal(TimeSpan.FromSeconds(2), mint.Headers.RetryAfter?.Delta);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_service_without_the_issuer_answers_503_without_a_retry_after_since_no_retry_helps(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage.Create(provider), serviceHoldsIssuer: false);

        using HttpResponseMessage provision = await service.SendAsync(HttpMethod.Post, BankRoutes.BankPurses, """{"currency":"EUR"}""",
            $"Bearer {service.OperatorKey}");

        Problem problem = await Problem.ReadAsync(provision, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("No issuer", problem.Title);
        Assert.Contains("scc bank serve", problem.Detail, StringComparison.Ordinal);
        Assert.Null(provision.Headers.RetryAfter);
    }
}
