using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartCardCash.BankApi;

namespace SmartCardCash.BankService.Access;

/// <summary>
/// Declares the API key in the OpenAPI document as <see cref="ApiKeyMiddleware"/> reads it: an HTTP bearer scheme
/// (<c>Authorization: Bearer scc_KEYID_SECRET</c>) named <see cref="SchemeName"/>, required by every operation but
/// those of <see cref="ApiKeyMiddleware.Anonymous"/>. The requirement lists the roles of the endpoint's
/// <see cref="RequiredRoles"/> (OpenAPI 3.1 lets a scheme other than OAuth name roles there); none means any valid key.
/// </summary>
internal static class ApiKeyOpenApi
{
    public const string SchemeName = "apiKey";

    /// <summary>An operation transformer: adds the scheme to the document once and the requirement to the operation.</summary>
    public static Task RequireKey(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        string path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        if (ApiKeyMiddleware.Anonymous.Contains(path))
        {
            return Task.CompletedTask;
        }
        OpenApiDocument document = context.Document ?? throw new InvalidOperationException($"no OpenAPI document holds {path}.");
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SchemeName, Scheme());
        List<string> roles = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredRoles>().LastOrDefault() is RequiredRoles required
            ? [.. required.Roles.Order().Select(RoleNames.Of)]
            : [];
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = roles });
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Scheme() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = BankRoutes.AuthorizationScheme.ToLowerInvariant(),
        BearerFormat = "scc_KEYID_SECRET",
        Description = "An API key the bank issued (POST /v1/keys, or the operator key of its first start), sent as " +
            "Authorization: Bearer scc_KEYID_SECRET. The bank keeps only its hash; each operation lists the roles it takes.",
    };
}
