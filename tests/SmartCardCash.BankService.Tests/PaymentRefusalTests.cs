using System.Net;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.BankService.Tests;

/// <summary>Every refusal on the bank-purse, load and deposit routes: the key, its role, the holder's credential,
/// another terminal's payment, another merchant's account, and each malformed field; none writes anything.</summary>
[Collection(ServiceCollection.Name)]
public sealed class PaymentRefusalTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Every_authentication_and_authorisation_refusal_on_the_payment_routes_writes_nothing(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        (PaymentFloor floor, BankClient merchant) = await DepositTests.SetUpAsync(service);
        TerminalCard card = floor.Card("alice-card");
        await floor.AuthoriseAsync("mine", card, 10_00);
        IssuedKeyJson other = await service.Operator.IssueKeyAsync(new IssueKeyRequest(ApiRoles.Terminal));
        await service.Operator.OpenAccountAsync(new OpenAccountRequest("merchant.other", "merchant", "EUR", new FeeRateJson(0, 0)));
        string load = $$"""{"requestId":"new-load","account":"customer.alice","payee":"{{card.Id}}","currency":"EUR","amount":500}""";
        string before = service.Written();

        // No key, and a key of another role: refused before the body is read.
        await Refused(service, HttpMethod.Post, "/v1/loads", load, null, HttpStatusCode.Unauthorized, "MissingKey");
        await Refused(service, HttpMethod.Post, "/v1/loads", load, $"Bearer {service.OperatorKey}", HttpStatusCode.Forbidden, "WrongRole");
        await Refused(service, HttpMethod.Post, "/v1/deposits", """{"requestId":"d","merchantPurse":"5343430A00000001"}""",
            $"Bearer {other.Token}", HttpStatusCode.Forbidden, "WrongRole");
        await Refused(service, HttpMethod.Post, "/v1/bank-purses", """{"currency":"EUR"}""", $"Bearer {other.Token}", HttpStatusCode.Forbidden, "WrongRole");
        // The holder's credential: missing, malformed, another account's.
        string terminal = $"Bearer {floor.TerminalToken}";
        await Refused(service, HttpMethod.Post, "/v1/loads", load, terminal, HttpStatusCode.Forbidden, "BadHolderCredential");
        await Refused(service, HttpMethod.Post, "/v1/loads", load, terminal, HttpStatusCode.Forbidden, "BadHolderCredential", "scch_nope");
        await Refused(service, HttpMethod.Post, "/v1/loads", load, terminal, HttpStatusCode.Forbidden, "BadHolderCredential",
            "scch_" + new string('0', 64));
        // Another terminal's load does not exist for it: it can neither drive, read nor end it.
        BankClient stranger = service.Client(other.Token);
        BankApiException drive = await Assert.ThrowsAsync<BankApiException>(() => stranger.TransmitLoadAsync("mine", [0x00, 0xA4, 0x04, 0x00]));
        BankApiException read = await Assert.ThrowsAsync<BankApiException>(() => stranger.GetLoadAsync("mine"));
        BankApiException end = await Assert.ThrowsAsync<BankApiException>(() => stranger.EndLoadAsync("mine"));
        // A merchant terminal's key deposits into its own account only.
        BankApiException foreign = await Assert.ThrowsAsync<BankApiException>(() =>
            merchant.OpenDepositAsync(new OpenDepositRequest("d-1", card.Id.ToString(), "merchant.other")));

        Assert.All([drive, read, end], e => Assert.Equal(404, e.Status));
        Assert.Equal((403, "WrongAccount"), (foreign.Status, foreign.Problem.Reason));
        Assert.Equal(before, service.Written());
        Assert.Equal("authorised", (await floor.Terminal.GetLoadAsync("mine")).State);
        Assert.Equal($"load:{floor.TerminalKeyId}.mine", floor.Pool().List().Single().HeldBy);
        Assert.Equal((1L, 0L), floor.Payments());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_malformed_field_on_the_payment_routes_is_a_400_naming_it_and_writes_nothing(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service);
        TerminalCard card = floor.Card("alice-card");
        await floor.AuthoriseAsync("mine", card, 10_00);
        string terminal = $"Bearer {floor.TerminalToken}";
        string before = service.Written();
        (long, long) payments = floor.Payments();
        (string Route, string Body, string Field)[] cases =
        [
            ("/v1/loads", Load("r 1", card.Id.ToString(), "EUR", "500"), "requestId"),
            ("/v1/loads", Load("r-2", "nothex0000000000", "EUR", "500"), "payee"),
            ("/v1/loads", Load("r-3", card.Id.ToString(), "EURO", "500"), "currency"),
            ("/v1/loads", Load("r-4", card.Id.ToString(), "EUR", "0"), "amount"),
            ("/v1/loads", Load("r-5", card.Id.ToString(), "EUR", "4294967296"), "amount"),
            ("/v1/loads", Load("r-6", card.Id.ToString(), "EUR", "\"5\""), "amount"),
            ("/v1/loads/mine/apdu", """{"command":"00A40G00"}""", "command"),
            ("/v1/loads/mine/apdu", """{"command":"00A"}""", "command"),
            ("/v1/loads/mine/apdu", """{"command":"00"}""", "command"),
            ("/v1/loads/mine/apdu", """{}""", "command"),
        ];
        foreach ((string route, string body, string field) in cases)
        {
            using HttpResponseMessage response = await service.SendAsync(HttpMethod.Post, route, body, terminal);
            Problem problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.True(field == problem.Field, $"{route} {body}: {problem.Body}");
        }
        using HttpResponseMessage badId = await service.SendAsync(HttpMethod.Get, "/v1/loads/a%20b", null, terminal);
        Assert.Equal("id", (await Problem.ReadAsync(badId, HttpStatusCode.BadRequest)).Field);
        using HttpResponseMessage badMint = await service.SendAsync(HttpMethod.Post, $"/v1/bank-purses/{floor.BankPurse.Id}/mint",
            """{"requestId":"m-2","amount":-5}""", $"Bearer {service.OperatorKey}");
        Assert.Equal("amount", (await Problem.ReadAsync(badMint, HttpStatusCode.BadRequest)).Field);

        Assert.Equal(before, service.Written());
        Assert.Equal(payments, floor.Payments());
        Assert.Equal(PaymentOutcomeKind.Completed, floor.Coordinator.Pay(floor.LoadPurse("mine"), card.Purse, PaymentFloor.Request(10_00), floor.Policy).Kind);
    }

    private static string Load(string requestId, string payee, string currency, string amount) =>
        $$"""{"requestId":"{{requestId}}","account":"customer.alice","payee":"{{payee}}","currency":"{{currency}}","amount":{{amount}}}""";

    private static async Task Refused(TestService service, HttpMethod method, string route, string body, string? authorization,
        HttpStatusCode status, string reason, string? holderCredential = null)
    {
        using var request = new HttpRequestMessage(method, route.TrimStart('/'))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        if (holderCredential is not null)
        {
            request.Headers.TryAddWithoutValidation(BankRoutes.HolderCredentialHeader, holderCredential);
        }
        using HttpResponseMessage response = await service.Http().SendAsync(request);
        Problem problem = await Problem.ReadAsync(response, status);
        Assert.True(reason == problem.Reason, $"{method} {route}: {problem.Body}");
    }
}
