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
        new(HttpMethod.Post, "/v1/cash-in", """{"requestId":"r-1","account":"customer.alice","amount":500,"currency":"EUR"}"""),
        new(HttpMethod.Get, "/v1/audit", null),
        new(HttpMethod.Post, "/v1/keys", """{"role":"terminal"}"""),
        new(HttpMethod.Get, "/v1/keys", null),
        new(HttpMethod.Delete, $"/v1/keys/{keyId}", null),
    ];

    /// <summary>Every route that needs a key at all.</summary>
    public static IReadOnlyList<ApiRoute> All(string keyId) =>
        [.. OperatorOnly(keyId), new(HttpMethod.Get, "/v1/accounts/customer.alice", null)];
}
