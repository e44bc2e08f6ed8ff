using System.Net;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Hotlist;

namespace SmartCardCash.BankService.Tests;

/// <summary>The new routes' bad input is a 400 naming the field, their roles are enforced, and a refusal writes nothing:
/// no transfer, no archived record, no hotlist entry, no cleared val.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ArchiveRequestTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Malformed_json_hex_ids_and_counters_are_each_400_naming_the_field_and_write_nothing(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PurseWorld.LoseInFlight(alice, bob, 100);
        ExceptionUploadRequest upload = PurseWorld.UploadOf(alice);
        string certificate = upload.Certificate!, record = upload.Records![0]!.Record!, signature = upload.Records[0]!.Signature!;
        string terminal = "Bearer " + (await world.Service.Operator.IssueKeyAsync(new(ApiRoles.Terminal))).Token;
        string op = "Bearer " + world.Service.OperatorKey;
        string before = Written(world);

        (HttpMethod Method, string Route, string? Body, string Key, string Field)[] cases =
        [
            (HttpMethod.Post, "/v1/clearing", """{"requestId":"j-1","lines":["x"]""", terminal, "body"),
            (HttpMethod.Post, "/v1/clearing", """{"lines":["x"]}""", terminal, "requestId"),
            (HttpMethod.Post, "/v1/clearing", """{"requestId":"j 1","lines":["x"]}""", terminal, "requestId"),
            (HttpMethod.Post, "/v1/clearing", """{"requestId":"j-1"}""", terminal, "lines"),
            (HttpMethod.Post, "/v1/clearing", """{"requestId":"j-1","lines":[]}""", terminal, "lines"),
            (HttpMethod.Post, "/v1/clearing", """{"requestId":"j-1","lines":["x",null]}""", terminal, "lines[1]"),
            (HttpMethod.Post, "/v1/clearing", """{"requestId":"j-1","lines":[1]}""", terminal, "lines[0]"),
            (HttpMethod.Post, "/v1/clearing", """{"requestId":"j-1","lines":["x"],"journal":"y"}""", terminal, "journal"),
            (HttpMethod.Post, "/v1/exceptions", Upload("XYZ", 0, record, signature), terminal, "certificate"),
            (HttpMethod.Post, "/v1/exceptions", Upload("7F2100", 0, record, signature), terminal, "certificate"),
            (HttpMethod.Post, "/v1/exceptions", Upload(certificate, -1, record, signature), terminal, "issuerCounter"),
            (HttpMethod.Post, "/v1/exceptions", Upload(certificate, 4294967296, record, signature), terminal, "issuerCounter"),
            (HttpMethod.Post, "/v1/exceptions", Upload(certificate, 0, record[..^2], signature), terminal, "records[0].record"),
            (HttpMethod.Post, "/v1/exceptions", Upload(certificate, 0, "03" + record[2..], signature), terminal, "records[0].record"),
            (HttpMethod.Post, "/v1/exceptions", Upload(certificate, 0, record, "ZZ" + signature[2..]), terminal, "records[0].signature"),
            (HttpMethod.Post, "/v1/exceptions", $$"""{"certificate":"{{certificate}}","issuerCounter":0}""", terminal, "records"),
            (HttpMethod.Post, "/v1/exceptions", $$"""{"certificate":"{{certificate}}","issuerCounter":0,"records":[null]}""", terminal, "records[0]"),
            (HttpMethod.Get, "/v1/hotlist/first", null, terminal, "version"),
            (HttpMethod.Get, "/v1/hotlist/0", null, terminal, "version"),
            (HttpMethod.Post, "/v1/hotlist", """{"purse":"5343430A0000000","note":"stolen"}""", op, "purse"),
            (HttpMethod.Post, "/v1/hotlist", $$"""{"purse":"{{alice.Id}}","note":" "}""", op, "note"),
            (HttpMethod.Post, "/v1/hotlist", $$"""{"purse":"{{alice.Id}}"}""", op, "note"),
            (HttpMethod.Get, "/v1/purses/alice/holder", null, op, "purseId"),
            (HttpMethod.Post, "/v1/lost-payments/not-a-purse/refund", """{"account":"customer.alice"}""", op, "payer"),
            (HttpMethod.Post, $"/v1/lost-payments/{alice.Id}/refund", """{"account":"customer alice"}""", op, "account"),
            (HttpMethod.Post, $"/v1/lost-payments/{alice.Id}/refund", "{}", op, "account"),
        ];

        foreach ((HttpMethod method, string route, string? body, string key, string field) in cases)
        {
            using HttpResponseMessage response = await world.Service.SendAsync(method, route, body, key);
            Problem problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.True(field == problem.Field, $"{method} {route} {body}: {problem.Body}");
        }
        Assert.Equal(before, Written(world));
        Assert.Equal(1, PurseWorld.LogCount(alice));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_badly_signed_record_or_another_issuers_certificate_is_422_and_archives_nothing(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PurseWorld.LoseInFlight(alice, bob, 100);
        ExceptionUploadRequest upload = PurseWorld.UploadOf(alice);
        string signature = upload.Records![0]!.Signature!;
        string flipped = signature[..^2] + (signature[^2..] == "00" ? "01" : "00");
        var stranger = new TestWorld(Issuing.Issuer.Create(new IssuerId(0x5343430B), TestWorld.Today));
        BankClient terminal = await ExceptionUploadTests.TerminalAsync(world);
        string before = Written(world);

        BankApiException badSignature = await Assert.ThrowsAsync<BankApiException>(() =>
            terminal.UploadExceptionsAsync(upload with { Records = [new ExceptionRecordUpload(upload.Records[0]!.Record, flipped)] }));
        BankApiException otherIssuer = await Assert.ThrowsAsync<BankApiException>(() => terminal.UploadExceptionsAsync(
            PurseWorld.UploadOf(stranger.Issued("mallory", PurseClass.Customer, Currency.Eur))));

        Assert.Equal((422, "SignatureInvalid"), (badSignature.Status, badSignature.Problem.Reason));
        Assert.Equal((422, "CertificateRefused", "certificate"), (otherIssuer.Status, otherIssuer.Problem.Reason, otherIssuer.Problem.Field));
        Assert.Equal(before, Written(world));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_new_route_refuses_the_roles_it_does_not_serve_with_403(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        await world.Service.Operator.OpenAccountAsync(new("merchant.shop", "merchant", "EUR", new FeeRateJson(0, 0)));
        string terminal = "Bearer " + (await world.Service.Operator.IssueKeyAsync(new(ApiRoles.Terminal))).Token;
        string merchant = "Bearer " + (await world.Service.Operator.IssueKeyAsync(new(ApiRoles.MerchantTerminal, "merchant.shop"))).Token;
        string op = "Bearer " + world.Service.OperatorKey;
        string before = Written(world);

        (ApiRoute Route, string Key)[] refused =
        [
            (ApiRoute.TerminalRoutes[0], op),                 // clearing: terminals and merchant terminals
            (ApiRoute.TerminalRoutes[1], op),                 // exception uploads: terminals
            (ApiRoute.TerminalRoutes[1], merchant),
            .. ApiRoute.OperatorOnly("0000000000000000").Where(r => r.Path.Contains("hotlist", StringComparison.Ordinal)
                || r.Path.StartsWith("/v1/purses/", StringComparison.Ordinal) || r.Path.Contains("lost-payments", StringComparison.Ordinal))
                .SelectMany(r => new[] { (r, terminal), (r, merchant) }),
        ];

        Assert.Equal(13, refused.Length);
        foreach ((ApiRoute route, string key) in refused)
        {
            using HttpResponseMessage response = await world.Service.SendAsync(route.Method, route.Path, route.Body, key);
            Problem problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
            Assert.True(problem.Reason == "WrongRole", $"{route}: {problem.Body}");
        }
        Assert.Equal(before, Written(world));
    }

    private static string Upload(string certificate, long counter, string record, string signature) =>
        $$"""{"certificate":"{{certificate}}","issuerCounter":{{counter}},"records":[{"record":"{{record}}","signature":"{{signature}}"}]}""";

    /// <summary>The ledger and keys (TestService.Written), and the archive's records of the world's purses, its open
    /// payments and the hotlist besides.</summary>
    private static string Written(PurseWorld world)
    {
        var archive = new ExceptionArchive(new(world.Bank.Database, world.Issuer.Certificate), world.Issuer);
        return $"{world.Service.Written()}; {string.Join(",", world.Purses.Select(p => archive.RecordCount(p)))} records, " +
            $"{archive.OpenPayments().Count} open, {new BankHotlist(world.Bank.Database).Entries().Count} listed";
    }
}
