using Microsoft.AspNetCore.Routing;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// Every group of the API, one file each. A new group (loads, deposits, exceptions, clearing, hotlist) is a static
/// class with <c>Map(IEndpointRouteBuilder)</c> that maps its routes under <c>routes.MapGroup(...)</c> with
/// <c>.RequireRoles(...)</c>, and one line here.
/// </summary>
internal static class BankEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        HealthEndpoints.Map(routes);
        AccountEndpoints.Map(routes);
        CashInEndpoints.Map(routes);
        AuditEndpoints.Map(routes);
        KeyEndpoints.Map(routes);
        ClearingEndpoints.Map(routes);
        ExceptionEndpoints.Map(routes);
        HotlistEndpoints.Map(routes);
        RevocationEndpoints.Map(routes);
        LostPaymentEndpoints.Map(routes);
        BankPurseEndpoints.Map(routes);
        LoadEndpoints.Map(routes);
        DepositEndpoints.Map(routes);
    }
}
