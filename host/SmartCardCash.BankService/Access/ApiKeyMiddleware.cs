using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankApi;
using SmartCardCash.Settlement.Access;

namespace SmartCardCash.BankService.Access;

/// <summary>
/// Runs after routing and before the endpoint (so before its body is read): an endpoint with <see cref="RequiredRoles"/>
/// needs <c>Authorization: Bearer scc_…</c> with a key that exists, is not revoked and has one of the roles. A refusal
/// is an <see cref="AccessRefusedException"/> (401 or 403); nothing of the request runs. Logs name the key's ID only.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, BankBackend bank, ILogger<ApiKeyMiddleware> log)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiredRoles>() is RequiredRoles required)
        {
            ApiKey key = bank.Access.Authenticate(Presented(context.Request));
            if (!required.Roles.Contains(key.Role))
            {
                throw new AccessRefusedException(AccessRefusal.WrongRole,
                    $"API key {key.Id} is a {RoleNames.Of(key.Role)} key, and {context.Request.Method} {context.Request.Path} needs " +
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
