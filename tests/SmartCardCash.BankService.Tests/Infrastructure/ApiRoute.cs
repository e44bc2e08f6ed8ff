namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>One route of the API with a request that would succeed for the right key: the refusal tests send it with
/// every wrong one.</summary>
public sealed record ApiRoute(HttpMethod Method, string Path, string? Body)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every route that needs the operator role only, in a bank where <c>customer.alice</c> (EUR) exists and
    /// <paramref name="keyId"/> is a key.</summary>
    public static IReadOnlyList<ApiRoute> OperatorOnly(string keyId) =>
    [
        new(HttpMethod.Post, "/v1/accounts", """{"id":"customer.zed","kind":"customer","currency":"EUR"}"""),
        new(HttpMethod.Get, "/v1/accounts", null),
        new(HttpMethod.Post, "/v1/accounts/customer.alice/holder-credential", null),
        new(HttpMethod.Post, "/v1/cash-in", """{"requestId":"r-1","account":"customer.alice","amount":500,"currency":"EUR"}"""),
        new(HttpMethod.Get, "/v1/audit", null),
        new(HttpMethod.Post, "/v1/keys", """{"role":"terminal"}"""),
        new(HttpMethod.Get, "/v1/keys", null),
        new(HttpMethod.Delete, $"/v1/keys/{keyId}", null),
        new(HttpMethod.Post, "/v1/hotlist", $$"""{"purse":"{{SomePurse}}","note":"reported stolen"}"""),
        new(HttpMethod.Get, "/v1/hotlist/entries", null),
        new(HttpMethod.Get, $"/v1/purses/{SomePurse}/holder", null),
        new(HttpMethod.Get, "/v1/lost-payments", null),
        new(HttpMethod.Post, $"/v1/lost-payments/{SomePurse}/refund", """{"account":"customer.alice"}"""),
        new(HttpMethod.Post, "/v1/bank-purses", """{"currency":"EUR"}"""),
        new(HttpMethod.Get, "/v1/bank-purses", null),
        new(HttpMethod.Post, "/v1/bank-purses/5343430A00000001/mint", """{"requestId":"m-1","amount":500}"""),
    ];

    /// <summary>The load and deposit routes (terminal, merchant terminal), with bodies of the right shape.</summary>
    public static IReadOnlyList<ApiRoute> Payments() =>
    [
        new(HttpMethod.Post, "/v1/loads", """{"requestId":"l-1","account":"customer.alice","payee":"5343430A00000009","currency":"EUR","amount":500}"""),
        new(HttpMethod.Get, "/v1/loads/l-1", null),
        new(HttpMethod.Post, "/v1/loads/l-1/apdu", """{"command":"00A4040000"}"""),
        new(HttpMethod.Post, "/v1/loads/l-1/end", null),
        new(HttpMethod.Post, "/v1/deposits", """{"requestId":"d-1","merchantPurse":"5343430A00000009"}"""),
        new(HttpMethod.Get, "/v1/deposits/d-1", null),
        new(HttpMethod.Post, "/v1/deposits/d-1/apdu", """{"command":"00A4040000"}"""),
        new(HttpMethod.Post, "/v1/deposits/d-1/end", null),
        new(HttpMethod.Post, "/v1/deposits/d-1/reset", null),
    ];

    /// <summary>A purse ID the refusal tests name.</summary>
    public const string SomePurse = "5343430A00000002";

    /// <summary>The routes of terminals (and merchant terminals): clearing, exception uploads, the hotlist.</summary>
    public static IReadOnlyList<ApiRoute> TerminalRoutes { get; } =
    [
        new(HttpMethod.Post, "/v1/clearing", """{"requestId":"j-1","lines":["{}"]}"""),
        new(HttpMethod.Post, "/v1/exceptions", """{"certificate":"7F21","issuerCounter":0,"records":[]}"""),
        new(HttpMethod.Get, "/v1/hotlist", null),
        new(HttpMethod.Get, "/v1/hotlist/1", null),
    ];

    /// <summary>Every route that needs a key at all.</summary>
    public static IReadOnlyList<ApiRoute> All(string keyId) =>
        [.. OperatorOnly(keyId), new(HttpMethod.Get, "/v1/accounts/customer.alice", null), .. TerminalRoutes, .. Payments()];
}
