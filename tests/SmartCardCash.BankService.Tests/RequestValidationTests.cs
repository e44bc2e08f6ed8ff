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
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":9223372036854775807,"currency":"EUR"}""", "amount" },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":1000000000000001,"currency":"EUR"}""", "amount" },
    };

    /// <summary>A field given twice on one operator route of each group that takes a body (the reader is shared by all):
    /// the last would win silently.</summary>
    public static TheoryData<string, string, string> Duplicates => new()
    {
        { "/v1/cash-in", """{"requestId":"x1","requestId":"x2","account":"customer.alice","amount":500,"currency":"EUR"}""", "requestId" },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR","fee":{"basisPoints":1,"basisPoints":2,"fixed":0}}""", "fee.basisPoints" },
        { "/v1/keys", """{"role":"terminal","role":"operator"}""", "role" },
        { "/v1/hotlist", """{"purse":"5343430A00000002","note":"a","note":"b"}""", "note" },
        { "/v1/lost-payments/5343430A00000002/refund", """{"account":"customer.alice","account":"customer.bob"}""", "account" },
        { "/v1/bank-purses", """{"currency":"EUR","currency":"GBP"}""", "currency" },
        { "/v1/bank-purses/5343430A00000001/mint", """{"requestId":"m1","amount":5,"requestId":"m2"}""", "requestId" },
    };

    /// <summary>A value of the wrong type: the problem says what the field must be, in the API's words.</summary>
    public static TheoryData<string, string, string, string> WrongTypes => new()
    {
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":"100","currency":"EUR"}""", "amount", "amount must be a whole number of minor units." },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":1.5,"currency":"EUR"}""", "amount", "amount must be a whole number of minor units." },
        { "/v1/cash-in", """{"requestId":"r1","account":"customer.alice","amount":99999999999999999999,"currency":"EUR"}""", "amount", "amount must be a whole number of minor units." },
        { "/v1/cash-in", """{"requestId":7,"account":"customer.alice","amount":5,"currency":"EUR"}""", "requestId", "requestId must be a string." },
        { "/v1/cash-in", "[]", "body", "the request body must be a JSON object." },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR","fee":{"basisPoints":"x","fixed":1}}""", "fee.basisPoints", "fee.basisPoints must be a whole number." },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR","fee":{"basisPoints":1,"fixed":true}}""", "fee.fixed", "fee.fixed must be a whole number of minor units." },
        { "/v1/accounts", """{"id":"merchant.bob","kind":"merchant","currency":"EUR","fee":5}""", "fee", "fee must be a JSON object." },
        { "/v1/lost-payments/5343430A00000002/refund", """{"account":["customer.alice"]}""", "account", "account must be a string." },
    };

    [Theory, MemberData(nameof(BadRequests))]
    public async Task A_malformed_request_is_a_400_that_names_the_field_and_writes_nothing(string route, string body, string field)
    {
        Problem problem = await RefusedAsync(route, body);

        Assert.True(field == problem.Field, problem.Body);
    }

    [Theory, MemberData(nameof(Duplicates))]
    public async Task A_field_given_twice_is_a_400_that_names_it_and_writes_nothing(string route, string body, string field)
    {
        Problem problem = await RefusedAsync(route, body);

        Assert.True(field == problem.Field, problem.Body);
        Assert.Equal($"{field} appears more than once; each field is given once.", problem.Detail);
    }

    [Theory, MemberData(nameof(WrongTypes))]
    public async Task A_value_of_the_wrong_type_says_what_the_field_must_be_and_names_no_NET_type(string route, string body, string field, string detail)
    {
        Problem problem = await RefusedAsync(route, body);

        Assert.Equal((field, detail), (problem.Field, problem.Detail));
        Assert.DoesNotContain("SmartCardCash", problem.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.Body, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_amount_above_the_maximum_of_one_request_is_a_400_not_an_overflow(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage.Create(provider));
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        await service.Operator.CashInAsync(new CashInRequest("till/max", "customer.alice", 1_000_000_000_000_000, "EUR"));
        string before = service.Written();

        using HttpResponseMessage response = await service.SendAsync(HttpMethod.Post, "/v1/cash-in",
            """{"requestId":"till/over","account":"customer.alice","amount":9223372036854775807,"currency":"EUR"}""", $"Bearer {service.OperatorKey}");

        Problem problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(("amount", "amount is 9223372036854775807; one request moves at most 1000000000000000 minor units."), (problem.Field, problem.Detail));
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

    /// <summary>Sends <paramref name="body"/> with the operator's key to a bank where customer.alice exists: a 400,
    /// with nothing written.</summary>
    private async Task<Problem> RefusedAsync(string route, string body)
    {
        await using TestService service = await TestService.StartAsync(storage.Create(StorageProvider.Sqlite));
        await service.Operator.OpenAccountAsync(new("customer.alice", "customer", "EUR"));
        string before = service.Written();

        using HttpResponseMessage response = await service.SendAsync(HttpMethod.Post, route, body, $"Bearer {service.OperatorKey}");

        Problem problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, service.Written());
        return problem;
    }
}
