using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Problems;
using SmartCardCash.BankService.Requests;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Hotlist;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// /v1/hotlist: terminals fetch the current issuer-signed hotlist (or a version they name) to verify and install;
/// the operator reports a lost or stolen purse and lists every entry with its evidence. The literal
/// <c>/v1/hotlist/entries</c> takes precedence over <c>/v1/hotlist/{version}</c>.
/// </summary>
internal static class HotlistEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder terminals = routes.MapGroup(BankRoutes.Hotlist).WithTags("Hotlist")
            .RequireRoles(ApiKeyRole.Terminal, ApiKeyRole.MerchantTerminal, ApiKeyRole.Operator);
        terminals.MapGet("", (BankBackend bank) => Results.Json(bank.Hotlist.Signed(bank.Issuer).Json(), BankApiJsonContext.Default.HotlistJson))
            .WithSummary("The current hotlist, signed by the issuer.").Produces<HotlistJson>().ProducesProblem(503);
        terminals.MapGet("{version}", Version).WithSummary("One version of the hotlist as it was signed.")
            .Produces<HotlistJson>().ProducesProblem(400).ProducesProblem(404);

        RouteGroupBuilder operators = routes.MapGroup(BankRoutes.Hotlist).WithTags("Hotlist").RequireRoles(ApiKeyRole.Operator);
        operators.MapPost("", Report).WithSummary("List a purse reported lost or stolen; listing it again changes nothing.")
            .Accepts<HotlistReportRequest>("application/json").Produces<HotlistReportJson>(201).Produces<HotlistReportJson>(200).ProducesProblem(400);
        operators.MapGet("entries", (BankBackend bank) => Results.Json(
                new HotlistEntriesJson(bank.Hotlist.Version, [.. bank.Hotlist.Entries().Select(e => e.Json())]), BankApiJsonContext.Default.HotlistEntriesJson))
            .WithSummary("Every listed purse with its reason and evidence.").Produces<HotlistEntriesJson>();
    }

    private static IResult Version(BankBackend bank, string version)
    {
        if (!uint.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out uint number) || number == 0)
        {
            throw ApiProblemException.BadRequest("version", $"version '{RequestFields.Printable(version)}' is not a hotlist version (1 or more).");
        }
        _ = bank.Issuer; // 503 without one, as the current list
        SignedHotlist list = bank.Hotlist.SignedVersion(number) ?? throw ApiProblemException.NotFound(
            $"hotlist version {number} was never signed (the bank signs a version when a terminal first fetches it; the current is {bank.Hotlist.Version}).",
            "version");
        return Results.Json(list.Json(), BankApiJsonContext.Default.HotlistJson);
    }

    private static async Task<IResult> Report(HttpContext context, BankBackend bank, BankServiceOptions options, ILogger<BankBackend> log)
    {
        HotlistReportRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.HotlistReportRequest, options.MaxRequestBodyBytes);
        PurseId purse = ArchiveFields.Purse(request.Purse, "purse");
        string note = ArchiveFields.Note(request.Note);
        bool listed = bank.Hotlist.Find(purse) is not null;
        HotlistEntry entry = bank.Hotlist.Report(purse, note);
        log.LogInformation("purse {Purse} reported to the hotlist by key {KeyId}{Again}", purse, context.Caller().Id, listed ? " (listed already)" : "");
        return Results.Json(new HotlistReportJson(entry.Json(), listed), BankApiJsonContext.Default.HotlistReportJson, statusCode: listed ? 200 : 201);
    }
}
