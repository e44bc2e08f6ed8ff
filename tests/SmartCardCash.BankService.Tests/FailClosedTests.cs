using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SmartCardCash.BankService.Tests;

/// <summary>The key check fails closed: a route mapped without roles (a forgotten <c>RequireRoles</c>) still needs a
/// valid key; only /health and the OpenAPI document are anonymous, and they are listed by name.</summary>
[Collection(ServiceCollection.Name)]
public sealed class FailClosedTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_route_mapped_without_roles_is_refused_401_without_a_key_and_served_with_one(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        await using BankServiceHost host = await BankServiceHost.StartAsync(new BankServiceOptions
        {
            Database = TestService.Target(bank.Location),
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            MapMore = routes => routes.MapGet("/v1/forgotten", () => Results.Text("served")),
        });
        using var http = new HttpClient { BaseAddress = host.Address };

        using HttpResponseMessage anonymous = await http.GetAsync(new Uri("v1/forgotten", UriKind.Relative));
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "v1/forgotten");
        keyed.Headers.TryAddWithoutValidation("Authorization", $"Bearer {host.BootstrapOperatorKey!.Token}");
        using HttpResponseMessage withKey = await http.SendAsync(keyed);
        using HttpResponseMessage health = await http.GetAsync(new Uri("health", UriKind.Relative));

        await Problem.ReadAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal((HttpStatusCode.OK, "served"), (withKey.StatusCode, await withKey.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(["/health", "/openapi/v1.json"], Access.ApiKeyMiddleware.Anonymous.Order(StringComparer.Ordinal));
    }
}
