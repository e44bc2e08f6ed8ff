using SmartCardCash.Settlement.Access;

namespace SmartCardCash.BankService.Access;

/// <summary>Endpoint metadata: the roles a key must have to call the endpoint. An endpoint without it still needs a
/// valid key, unless it is one of <see cref="ApiKeyMiddleware.Anonymous"/> (only /health and the OpenAPI document).</summary>
public sealed record RequiredRoles(IReadOnlySet<ApiKeyRole> Roles);
