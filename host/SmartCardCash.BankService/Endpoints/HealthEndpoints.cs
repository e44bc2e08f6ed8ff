using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Problems;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>GET /health, without a key: 200 when the database answers, 503 with a <c>Retry-After</c> when it does
/// not (a load balancer's probe).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(BankRoutes.Health, (BankBackend bank, HttpContext context) =>
        {
            try
            {
                bank.Ledger.Accounts(Purse.Spec.Currency.Eur);
                return Results.Json(new HealthJson("healthy", "reachable", bank.Database.SchemaVersion, null), BankApiJsonContext.Default.HealthJson);
            }
            catch (BankStorageException)
            {
                RetryAfter.Set(context.Response, RetryAfter.DatabaseUnavailable);
                return Results.Json(new HealthJson("unhealthy", "unreachable", null, "the bank's database cannot be used right now."),
                    BankApiJsonContext.Default.HealthJson, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        })
        .WithTags("Health").WithSummary("Whether the service runs and its database answers. No key needed.")
        .Produces<HealthJson>(200).Produces<HealthJson>(503);
}
