using System.Net;

namespace SmartCardCash.BankService.Tests;

/// <summary>A database that stops while the service runs: every request is a 503 problem with a <c>Retry-After</c> (the
/// health check says so too), nothing crashes, and the service works again once the database is back.</summary>
public sealed class DatabaseDownTests
{
    [PostgresFact]
    public async Task A_stopped_database_is_a_503_with_a_retry_after_on_every_route_and_the_service_recovers_when_it_is_back()
    {
        using var server = new PrivatePostgres();
        await using TestService service = await TestService.StartAsync(TestBank.OnPostgres(server));
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));

        server.Stop();
        using HttpResponseMessage health = await service.SendAsync(HttpMethod.Get, "/health");
        BankApiException cashIn = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.CashInAsync(new("r1", "customer.alice", 100, "EUR")));
        BankApiException audit = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.AuditAsync());
        HealthJson reported = await service.Operator.HealthAsync();
        using HttpResponseMessage rawAudit = await service.SendAsync(HttpMethod.Get, BankRoutes.Audit, null, $"Bearer {service.OperatorKey}");
        Problem auditProblem = await Problem.ReadAsync(rawAudit, HttpStatusCode.ServiceUnavailable);
        server.Start();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(("unhealthy", "unreachable"), (reported.Status, reported.Database));
        Assert.Equal("Database unavailable", auditProblem.Title);
        Assert.All([health, rawAudit], r => Assert.Equal(TimeSpan.FromSeconds(5), r.Headers.RetryAfter?.Delta));
        Assert.All([cashIn, audit], e => Assert.Equal((503, "Database unavailable"), (e.Status, e.Problem.Title)));
        Assert.DoesNotContain(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), cashIn.Message, StringComparison.Ordinal);
        Assert.Contains(service.Logs.Lines, l => l.Contains("cannot be reached", StringComparison.Ordinal) || l.Contains("is not available", StringComparison.Ordinal));
        CashInJson after = await RetryAsync(() => service.Operator.CashInAsync(new("r1", "customer.alice", 100, "EUR")));
        Assert.False(after.AlreadyRecorded);
        Assert.True((await service.Operator.AuditAsync()).Balanced);
    }

    /// <summary>The pool's connections to the stopped server may fail once more before fresh ones are made.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (BankApiException e) when (e.Status == 503 && attempt < 5)
            {
                await Task.Delay(200);
            }
        }
    }
}
