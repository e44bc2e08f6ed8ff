using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Requests;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// /v1/bank-purses (operator): the bank's own purses. Provisioning has the issuer personalise a new one; the float a
/// load pays from only ever comes from a mint, the issuer-signed MINT on the purse and its posting committed together,
/// once per request ID.
/// </summary>
internal static class BankPurseEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder purses = routes.MapGroup(BankRoutes.BankPurses).WithTags("Bank purses").RequireRoles(ApiKeyRole.Operator);
        purses.MapPost("", Provision).WithSummary("Provision a new bank purse for a currency (personalised by the issuer, its image in the database).")
            .Accepts<ProvisionBankPurseRequest>("application/json").Produces<BankPurseJson>(201).ProducesProblem(400).ProducesProblem(503);
        purses.MapGet("", List).WithSummary("Every bank purse: balance, state, the payment holding it (?currency=EUR for one currency's).")
            .Produces<BankPursesJson>();
        purses.MapPost("{id}/mint", Mint).WithSummary("Mint value into a bank purse, recorded in the ledger; idempotent by requestId.")
            .Accepts<MintRequest>("application/json").Produces<BankPurseJson>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(422);
    }

    private static async Task<IResult> Provision(HttpContext context, BankBackend bank, BankServiceOptions options)
    {
        ProvisionBankPurseRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.ProvisionBankPurseRequest, options.MaxRequestBodyBytes);
        Currency currency = RequestFields.Currency(request.Currency);
        BankPurse purse = bank.Purses.Provision(currency);
        return Results.Json(purse.Json(), BankApiJsonContext.Default.BankPurseJson, statusCode: 201);
    }

    private static IResult List(BankBackend bank, string? currency) => Results.Json(
        new BankPursesJson([.. bank.Purses.List(currency is null ? null : RequestFields.Currency(currency)).Select(p => p.Json())]),
        BankApiJsonContext.Default.BankPursesJson);

    private static async Task<IResult> Mint(HttpContext context, BankBackend bank, BankServiceOptions options, string id)
    {
        PurseId purse = PaymentFields.Purse(id, "id");
        MintRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.MintRequest, options.MaxRequestBodyBytes);
        string requestId = RequestFields.RequestId(request.RequestId);
        long amount = PaymentFields.PurseAmount(request.Amount);
        if (bank.Purses.Find(purse) is null)
        {
            throw Problems.ApiProblemException.NotFound($"the bank has no purse {purse}.", "id");
        }
        BankPurse minted = bank.Purses.Mint(purse, amount, new TransferId($"mint/{requestId}"));
        return Results.Json(minted.Json(), BankApiJsonContext.Default.BankPurseJson);
    }
}
