using System.Net;
using SmartCardCash.Settlement.Access;

namespace SmartCardCash.BankService.Tests;

/// <summary>Every route but /health and the OpenAPI document refuses a missing, malformed, unknown or revoked key with
/// 401, and a key of the wrong role, or bound to another account, with 403; a refused request writes nothing.</summary>
[Collection(ServiceCollection.Name)]
public sealed class AuthenticationTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Every_route_refuses_a_missing_malformed_unknown_or_revoked_key_with_401_and_writes_nothing(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        IssuedKeyJson revoked = await service.Operator.IssueKeyAsync(new(ApiRoles.Operator));
        await service.Operator.RevokeKeyAsync(revoked.Key.Id);
        string operatorId = service.Host.BootstrapOperatorKey!.Key.Id;
        string unknown = $"scc_{new string('0', 16)}_{service.OperatorKey[^64..]}";
        string wrongSecret = service.OperatorKey[..^4] + (service.OperatorKey.EndsWith("0000", StringComparison.Ordinal) ? "1111" : "0000");
        (string? Header, string Reason)[] refusals =
        [
            (null, nameof(AccessRefusal.MissingKey)),
            ("Bearer ", nameof(AccessRefusal.MissingKey)),
            ("Bearer letmein", nameof(AccessRefusal.MalformedKey)),
            ($"Basic {service.OperatorKey}", nameof(AccessRefusal.MalformedKey)),
            ($"Bearer {service.OperatorKey.ToUpperInvariant()}", nameof(AccessRefusal.MalformedKey)),
            ($"Bearer {unknown}", nameof(AccessRefusal.UnknownKey)),
            ($"Bearer {wrongSecret}", nameof(AccessRefusal.UnknownKey)),
            ($"Bearer {revoked.Token}", nameof(AccessRefusal.RevokedKey)),
        ];
        string before = service.Written();

        foreach (ApiRoute route in ApiRoute.All(operatorId))
        {
            foreach ((string? header, string reason) in refusals)
            {
                using HttpResponseMessage response = await service.SendAsync(route.Method, route.Path, route.Body, header);
                Problem problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
                Assert.True(reason == problem.Reason, $"{route} with '{header}': {problem.Body}");
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
                Assert.DoesNotContain(service.OperatorKey[^64..], problem.Body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, service.Written());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_key_of_another_role_is_refused_with_403_on_every_operator_route_and_writes_nothing(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        await service.Operator.OpenAccountAsync(new("merchant.shop", "merchant", "EUR", new FeeRateJson(150, 10)));
        IssuedKeyJson terminal = await service.Operator.IssueKeyAsync(new(ApiRoles.Terminal));
        IssuedKeyJson merchant = await service.Operator.IssueKeyAsync(new(ApiRoles.MerchantTerminal, "merchant.shop"));
        string before = service.Written();

        foreach (ApiRoute route in ApiRoute.OperatorOnly(terminal.Key.Id))
        {
            foreach (IssuedKeyJson key in new[] { terminal, merchant })
            {
                using HttpResponseMessage response = await service.SendAsync(route.Method, route.Path, route.Body, $"Bearer {key.Token}");
                Problem problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
                Assert.True(problem.Reason == nameof(AccessRefusal.WrongRole), $"{route} with a {key.Key.Role} key: {problem.Body}");
                Assert.Equal($"API key {key.Key.Id} is {(key == terminal ? "a terminal" : "a merchant-terminal")} key, and " +
                    $"{route.Method} {route.Path} needs operator.", problem.Detail);
            }
        }
        using HttpResponseMessage show = await service.SendAsync(HttpMethod.Get, "/v1/accounts/customer.alice", null, $"Bearer {terminal.Token}");
        Assert.Equal(nameof(AccessRefusal.WrongRole), (await Problem.ReadAsync(show, HttpStatusCode.Forbidden)).Reason);
        using HttpResponseMessage load = await service.SendAsync(HttpMethod.Post, BankRoutes.Loads, "{}", $"Bearer {service.OperatorKey}");
        Assert.Equal($"API key {service.Host.BootstrapOperatorKey!.Key.Id} is an operator key, and POST /v1/loads needs terminal.",
            (await Problem.ReadAsync(load, HttpStatusCode.Forbidden)).Detail);

        Assert.Equal(before, service.Written());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_merchant_terminal_key_sees_its_own_merchant_account_and_no_other(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        await service.Operator.OpenAccountAsync(new("merchant.shop", "merchant", "EUR", new FeeRateJson(150, 10)));
        await service.Operator.OpenAccountAsync(new("merchant.rival", "merchant", "EUR", new FeeRateJson(0, 0)));
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        IssuedKeyJson shopKey = await service.Operator.IssueKeyAsync(new(ApiRoles.MerchantTerminal, "merchant.shop", "shop till"));
        BankClient shop = service.Client(shopKey.Token);

        AccountJson own = await shop.GetAccountAsync("merchant.shop");
        BankApiException rival = await Assert.ThrowsAsync<BankApiException>(() => shop.GetAccountAsync("merchant.rival"));
        BankApiException customer = await Assert.ThrowsAsync<BankApiException>(() => shop.GetAccountAsync("customer.alice"));
        BankApiException missing = await Assert.ThrowsAsync<BankApiException>(() => shop.GetAccountAsync("merchant.nobody"));

        Assert.Equal(("merchant.shop", "merchant", 150, 10L), (own.Id, own.Kind, own.Fee!.BasisPoints, own.Fee.Fixed!.Value));
        Assert.All([rival, customer, missing], e => Assert.Equal((403, nameof(AccessRefusal.WrongAccount)), (e.Status, e.Problem.Reason)));
        Assert.Contains("merchant.shop only, not for merchant.rival", rival.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Health_and_the_OpenAPI_document_need_no_key_and_the_document_names_every_route(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);

        using HttpResponseMessage health = await service.SendAsync(HttpMethod.Get, "/health");
        using HttpResponseMessage openApi = await service.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"database\":\"reachable\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        string text = await openApi.Content.ReadAsStringAsync();
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "/health", "/v1/accounts", "/v1/accounts/{id}", "/v1/cash-in", "/v1/audit", "/v1/keys", "/v1/keys/{id}" }, paths);
        Assert.Contains("cashInRequest", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_OpenAPI_document_declares_the_bearer_key_and_every_operation_but_health_requires_it_with_its_roles(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);

        using HttpResponseMessage openApi = await service.SendAsync(HttpMethod.Get, "/openapi/v1.json");
        using var document = System.Text.Json.JsonDocument.Parse(await openApi.Content.ReadAsStringAsync());

        System.Text.Json.JsonElement root = document.RootElement;
        System.Text.Json.JsonElement scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.Equal("scc_KEYID_SECRET", scheme.GetProperty("bearerFormat").GetString());
        var requirements = new Dictionary<string, string?>();
        foreach (System.Text.Json.JsonProperty path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (System.Text.Json.JsonProperty operation in path.Value.EnumerateObject())
            {
                requirements[$"{operation.Name.ToUpperInvariant()} {path.Name}"] = operation.Value.TryGetProperty("security", out System.Text.Json.JsonElement security)
                    ? string.Join(",", security.EnumerateArray().SelectMany(r => r.EnumerateObject())
                        .Select(r => $"{r.Name}:{string.Join("|", r.Value.EnumerateArray().Select(role => role.GetString()))}"))
                    : null;
            }
        }
        Assert.Null(requirements["GET /health"]);
        Assert.Equal("apiKey:operator", requirements["GET /v1/audit"]);
        Assert.Equal("apiKey:terminal", requirements["POST /v1/loads"]);
        Assert.Equal("apiKey:merchant-terminal", requirements["POST /v1/deposits"]);
        Assert.All(requirements.Where(r => r.Key != "GET /health"), r => Assert.StartsWith("apiKey:", r.Value, StringComparison.Ordinal));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Keys_and_credentials_are_shown_once_and_never_in_a_listing_or_the_log(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        OpenedAccountJson alice = await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        OpenedAccountJson again = await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        IssuedKeyJson terminal = await service.Operator.IssueKeyAsync(new(ApiRoles.Terminal, Label: "till"));
        await Assert.ThrowsAsync<BankApiException>(() => service.Client("scc_0123456789abcdef_" + terminal.Token[^64..]).AuditAsync());

        using HttpResponseMessage keys = await service.SendAsync(HttpMethod.Get, "/v1/keys", null, $"Bearer {service.OperatorKey}");
        using HttpResponseMessage accounts = await service.SendAsync(HttpMethod.Get, "/v1/accounts", null, $"Bearer {service.OperatorKey}");
        string listing = await keys.Content.ReadAsStringAsync() + await accounts.Content.ReadAsStringAsync();
        string logs = string.Join('\n', service.Logs.Lines);

        Assert.Matches("^scch_[0-9a-f]{64}$", alice.HolderCredential);
        Assert.Null(again.HolderCredential);
        Assert.Equal(ApiKeyToken.Length, terminal.Token.Length);
        Assert.Contains(terminal.Key.Id, listing, StringComparison.Ordinal);
        Assert.Contains(terminal.Key.Id, logs, StringComparison.Ordinal);
        foreach (string secret in new[] { terminal.Token[^64..], service.OperatorKey[^64..], alice.HolderCredential![^64..] })
        {
            Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_revoked_key_stops_working_at_once(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        IssuedKeyJson second = await service.Operator.IssueKeyAsync(new(ApiRoles.Operator));
        BankClient client = service.Client(second.Token);
        await client.AuditAsync();

        ApiKeyJson revoked = await service.Operator.RevokeKeyAsync(second.Key.Id);
        BankApiException refused = await Assert.ThrowsAsync<BankApiException>(() => client.AuditAsync());
        BankApiException unknown = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.RevokeKeyAsync("0123456789abcdef"));

        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal((401, nameof(AccessRefusal.RevokedKey)), (refused.Status, refused.Problem.Reason));
        Assert.Equal((404, "id"), (unknown.Status, unknown.Problem.Field));
    }
}
