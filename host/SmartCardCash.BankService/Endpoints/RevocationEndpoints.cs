using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Problems;
using SmartCardCash.BankService.Requests;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// GET /v1/purses/{purseId}/holder: anonymity revocation, for the operator only, and only for a purse on the hotlist
/// (cloned, or reported lost or stolen): which account loaded it. Any other purse is refused (409, NotHotlisted), so
/// a purse's payments stay anonymous unless it was barred. Each revocation is logged with the key that asked.
/// </summary>
internal static class RevocationEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGroup(BankRoutes.Purses).WithTags("Revocation").RequireRoles(ApiKeyRole.Operator)
            .MapGet("{purseId}/holder", Holder).WithSummary("The account that loaded a hotlisted purse (anonymity revocation).")
            .Produces<PurseHolderJson>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

    private static IResult Holder(HttpContext context, BankBackend bank, string purseId, ILogger<BankBackend> log)
    {
        PurseId purse = ArchiveFields.Purse(purseId, "purseId");
        HotlistEntry entry = bank.Hotlist.Find(purse) ?? throw new ApiProblemException(409, "Purse not hotlisted",
            $"purse {purse} is not on the hotlist; the bank reveals which account loaded a purse only once it is barred (cloned, or reported with POST {BankRoutes.Hotlist}).",
            "purseId", "NotHotlisted");
        AccountId account = bank.PurseAccounts.Find(purse) ?? throw ApiProblemException.NotFound(
            $"no load linked purse {purse} to an account.", "purseId");
        log.LogWarning("holder of hotlisted purse {Purse} revealed to key {KeyId}", purse, context.Caller().Id);
        return Results.Json(new PurseHolderJson(purse.ToString(), account.Value, ArchiveMapping.Kebab(entry.Reason), entry.Added),
            BankApiJsonContext.Default.PurseHolderJson);
    }
}
