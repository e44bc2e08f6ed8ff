using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.BankService.Problems;

/// <summary>Writes RFC 7807 problems (<c>application/problem+json</c>) in the API's one shape, <see cref="ProblemJson"/>:
/// a title, a one-sentence detail, the field at fault and the refusal's reason; never a stack trace. A 401 names the
/// scheme to use (<c>WWW-Authenticate</c>), a 503 that a retry can cure says when (<c>Retry-After</c>).</summary>
internal static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? field = null, string? reason = null,
        TimeSpan? retryAfter = null)
    {
        HttpResponse response = context.Response;
        response.Clear();
        response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer"; // RFC 6750: the scheme a client must use
        }
        if (retryAfter is TimeSpan wait)
        {
            RetryAfter.Set(response, wait);
        }
        response.ContentType = ContentType;
        var problem = new ProblemJson($"https://httpstatuses.io/{status}", title, status, detail, field, reason);
        await JsonSerializer.SerializeAsync(response.Body, problem, BankApiJsonContext.Default.ProblemJson, context.RequestAborted);
    }

    /// <summary>The title of a status the routing or the server set (404, 405, 413, 415…).</summary>
    public static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthenticated",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Request too large",
        415 => "Unsupported media type",
        503 => "Service unavailable",
        _ => $"HTTP {status}",
    };

    /// <summary>The detail of a status without a refusal of its own behind it.</summary>
    public static string DetailOf(HttpContext context, int status) => status switch
    {
        404 => $"there is no {context.Request.Path} here; /openapi/v1.json lists the routes.",
        405 => $"{context.Request.Method} is not a method of {context.Request.Path}.",
        413 => "the request body is larger than the service takes.",
        415 => "the request body must be JSON (Content-Type: application/json).",
        _ => $"the request failed with HTTP {status}.",
    };
}
