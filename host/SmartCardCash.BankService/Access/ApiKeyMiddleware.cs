using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankApi;
using SmartCardCash.Settlement.Access;

namespace SmartCardCash.BankService.Access;

/// <summary>
/// Runs after routing and before the endpoint (so before its body is read). It fails closed: every endpoint needs
/// <c>Authorization: Bearer scc_…</c> with a key that exists and is not revoked, except the routes listed in
/// <see cref="Anonymous"/>; an endpoint with <see cref="RequiredRoles"/> needs one of its roles too (a route mapped
/// without roles takes any valid key, never none). A refusal is an <see cref="AccessRefusedException"/> (401 or 403);
/// nothing of the request runs. Logs name the key's ID only. A path no route matches goes on to its 404.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, BankBackend bank, ILogger<ApiKeyMiddleware> log)
{
    /// <summary>The only routes without a key: the load balancer's probe and the OpenAPI document.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        BankRoutes.Health, BankRoutes.OpenApi,
    };

    public Task InvokeAsync(HttpContext context)
    {
        Endpoint? endpoint = context.GetEndpoint();
        if (endpoint is not null && !Anonymous.Contains(context.Request.Path.Value ?? ""))
        {
            ApiKey key = bank.Access.Authenticate(Presented(context.Request));
            if (endpoint.Metadata.GetMetadata<RequiredRoles>() is RequiredRoles required && !required.Roles.Contains(key.Role))
            {
                throw new AccessRefusedException(AccessRefusal.WrongRole,
                    $"API key {key.Id} is {ApiRoles.WithArticle(RoleNames.Of(key.Role))} key, and {context.Request.Method} {context.Request.Path} needs " +
                    $"{string.Join(" or ", required.Roles.Order().Select(RoleNames.Of))}.");
            }
            context.SetCaller(key);
            log.LogDebug("{Method} {Path} by key {KeyId}", context.Request.Method, context.Request.Path, key.Id);
        }
        return next(context);
    }

    /// <summary>The key of <c>Authorization: Bearer KEY</c>; null when there is none, the header itself when it is not a
    /// bearer token (so it is refused as malformed).</summary>
    private static string? Presented(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        string scheme = BankRoutes.AuthorizationScheme;
        if (header.Trim().Equals(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return header.StartsWith(scheme + " ", StringComparison.OrdinalIgnoreCase) ? header[(scheme.Length + 1)..].Trim() : header;
    }
}
