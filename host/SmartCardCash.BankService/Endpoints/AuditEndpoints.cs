using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.Settlement.Access;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>GET /v1/audit: the ledger audit (every balance recomputed, the invariants checked) of one snapshot, and the
/// lost payments still open.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGroup(BankRoutes.Audit).WithTags("Audit").RequireRoles(ApiKeyRole.Operator)
            .MapGet("", (BankBackend bank, BankServiceOptions options) =>
            {
                DateTimeOffset now = options.Time.GetUtcNow();
                AuditJson audit = bank.Ledger.Audit().Json() with { OpenLostPayments = [.. bank.OpenLostPayments().Select(p => p.Json(now))] };
                return Results.Json(audit, BankApiJsonContext.Default.AuditJson);
            })
            .WithSummary("Recompute every balance from the transfers and check the books balance.").Produces<AuditJson>();
}
