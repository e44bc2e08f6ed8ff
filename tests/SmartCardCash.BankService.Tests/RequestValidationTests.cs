using System.Net;

namespace SmartCardCash.BankService.Tests;

/// <summary>Bad input is refused before anything is written, as an RFC 7807 problem that names the field at fault;
/// routes and methods that do not exist, bodies that are not JSON or too large, each with its status.</summary>
[Collection(ServiceCollection.Name)]
public sealed class RequestValidationTests(BankStorageFixture storage)
{
    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "/v1/cash-in", "requestId=r1", "body" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":500,""", "body" },
        { "/v1/cash-in", "[]", "body" },
        { "/v1/cash-in", "null", "body" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":500,"currency":"EUR","extra":1}""", "extra" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":"ten","currency":"EUR"}""", "amount" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":1.5,"currency":"EUR"}""", "amount" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":99999999999999999999,"currency":"EUR"}""", "amount" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":0,"currency":"EUR"}""", "amount" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":-5,"currency":"EUR"}""", "amount" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","currency":"EUR"}""", "amount" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":500,"currency":"EURO"}""", "currency" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":500,"currency":"eur"}""", "currency" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":500}""", "currency" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer alice","amount":500,"currency":"EUR"}""", "account" },
        { "/v1/cash-in", """{"requestId":"r1","amount":500,"currency":"EUR"}""", "account" },
        { "/v1/cash-in", """{"requestId":"r 1","account":"customer.alice","amount":500,"currency":"EUR"}""", "requestId" },
        { "/v1/cash-in", """{"account":"customer.alice","amount":500,"currency":"EUR"}""", "requestId" },
        { "/v1/cash-in", """{"requestId":"EUR.float","account":"EUR.float","amount":500,"currency":"EUR"}""", "account" },
        { "/v1/accounts", """{"id":"customer.bob","kind":"saver","currency":"EUR"}""", "kind" },
        { "/v1/accounts", """{"id":"EUR.float2","kind":"customer","currency":"EUR"}""", "id" },
        { "/v1/accounts", """{"id":"customer.bob","kind":"customer","currency":"XXX"}""", "currency" },
        { "/v1/accounts", """{"id":"customer.bob","kind":"customer","currency":"EUR","fee":{"basisPoints":1,"fixed":0}}""", "fee" },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR"}""", "fee" },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR","fee":{"basisPoints":10001,"fixed":0}}""", "fee.basisPoints" },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR","fee":{"basisPoints":100,"fixed":-1}}""", "fee.fixed" },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR","fee":{"basisPoints":"x","fixed":1}}""", "fee.basisPoints" },
        { "/v1/keys", """{"role":"admin"}""", "role" },
        { "/v1/keys", """{"role":"merchant-terminal"}""", "merchantAccount" },
        { "/v1/keys", """{"role":"merchant-terminal","merchantAccount":"customer.alice"}""", "merchantAccount" },
        { "/v1/keys", """{"role":"terminal","merchantAccount":"customer.alice"}""", "merchantAccount" },
        { "/v1/keys", """{"role":"terminal","label":""}""", "label" },
    };

    [Theory, MemberData(nameof(BadRequests))]
    public async Task A_malformed_request_is_a_400_that_names_the_field_and_writes_nothing(string route, string body, string field)
    {
        await using TestService service = await TestService.StartAsync(storage.Create(StorageProvider.Sqlite));
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        string before = service.Written();

        using HttpResponseMessage response = await service.SendAsync(HttpMethod.Post, route, body, $"Bearer {service.OperatorKey}");

        Problem problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(field == problem.Field, problem.Body);
        Assert.Equal(before, service.Written());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Wrong_routes_methods_media_types_and_sizes_are_problems_with_their_status(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage.Create(provider), maxRequestBodyBytes: 1024);
        string key = $"Bearer {service.OperatorKey}";
        string large = $$"""{"requestId":"r1","account":"customer.alice","amount":5,"currency":"EUR","pad":"{{new string('x', 2000)}}"}""";
        string before = service.Written();

        using HttpResponseMessage unknownRoute = await service.SendAsync(HttpMethod.Get, "/v1/nothing", null, key);
        using HttpResponseMessage wrongMethod = await service.SendAsync(HttpMethod.Put, "/v1/audit", "{}", key);
        using HttpResponseMessage notJson = await service.SendAsync(HttpMethod.Post, "/v1/cash-in", "amount=5", key, "application/x-www-form-urlencoded");
        using HttpResponseMessage noBody = await service.SendAsync(HttpMethod.Post, "/v1/cash-in", null, key);
        using HttpResponseMessage tooLarge = await service.SendAsync(HttpMethod.Post, "/v1/cash-in", large, key);
        using HttpResponseMessage unknownAccount = await service.SendAsync(HttpMethod.Get, "/v1/accounts/customer.nobody", null, key);

        await Problem.ReadAsync(unknownRoute, HttpStatusCode.NotFound);
        await Problem.ReadAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
        await Problem.ReadAsync(notJson, HttpStatusCode.UnsupportedMediaType);
        await Problem.ReadAsync(noBody, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("1024 bytes", (await Problem.ReadAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge)).Detail, StringComparison.Ordinal);
        Assert.Equal("id", (await Problem.ReadAsync(unknownAccount, HttpStatusCode.NotFound)).Field);
        Assert.Equal(before, service.Written());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_body_larger_than_the_limit_without_a_length_is_refused_with_413_too(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage.Create(provider), maxRequestBodyBytes: 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/cash-in")
        {
            Content = new StreamContent(new ChunkedStream(new string(' ', 4000) + "{}")),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {service.OperatorKey}");
        request.Headers.TransferEncodingChunked = true;

        using HttpResponseMessage response = await service.Http().SendAsync(request);

        await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Opening_an_account_again_is_a_retry_and_with_other_content_a_409(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        using HttpResponseMessage first = await service.SendAsync(HttpMethod.Post, "/v1/accounts",
            """{"id":"merchant.shop","kind":"merchant","currency":"EUR","fee":{"basisPoints":150,"fixed":10}}""", $"Bearer {service.OperatorKey}");
        using HttpResponseMessage retry = await service.SendAsync(HttpMethod.Post, "/v1/accounts",
            """{"id":"merchant.shop","kind":"merchant","currency":"EUR","fee":{"basisPoints":150,"fixed":10}}""", $"Bearer {service.OperatorKey}");
        using HttpResponseMessage conflict = await service.SendAsync(HttpMethod.Post, "/v1/accounts",
            """{"id":"merchant.shop","kind":"merchant","currency":"EUR","fee":{"basisPoints":200,"fixed":10}}""", $"Bearer {service.OperatorKey}");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal("AccountConflict", (await Problem.ReadAsync(conflict, HttpStatusCode.Conflict)).Reason);
        AccountsJson accounts = await service.Operator.ListAccountsAsync("EUR");
        Assert.Equal(["EUR.cash", "EUR.fee-income", "EUR.float", "EUR.minted", "EUR.outstanding", "EUR.suspense", "merchant.shop"],
            accounts.Accounts.Select(a => a.Id));
    }
}
