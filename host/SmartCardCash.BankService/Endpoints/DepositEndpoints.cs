using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Problems;
using SmartCardCash.BankService.Requests;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// /v1/deposits (merchant terminal): the merchant's terminal opens a deposit into its key's own merchant account, then
/// relays its card's payment to the bank purse that takes it (one database transaction per command, behind the
/// deposit's gate), reads the deposit and ends it; a retry whose first payment moved nothing resets the deposit's purse
/// for a new payment under the same request ID. A deposit is the key's own (<see cref="PaymentScope"/>).
/// </summary>
internal static class DepositEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder deposits = routes.MapGroup(BankRoutes.Deposits).WithTags("Deposits").RequireRoles(ApiKeyRole.MerchantTerminal);
        deposits.MapPost("", Open).WithSummary("Open a deposit from the merchant's purse into the key's merchant account; idempotent by requestId.")
            .Accepts<OpenDepositRequest>("application/json").Produces<DepositJson>(201).Produces<DepositJson>(200)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(503);
        deposits.MapPost("{id}/apdu", Transmit).WithSummary("One command APDU for the deposit's bank purse; its response once committed.")
            .Accepts<ApduRequest>("application/json").Produces<ApduJson>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
        deposits.MapGet("{id}", Show).WithSummary("The deposit: what arrived, the fee, what the merchant was credited.").Produces<DepositJson>().ProducesProblem(404);
        deposits.MapPost("{id}/end", End).WithSummary("End the deposit: free an idle bank purse; one still waiting for the val logs the payment.")
            .Produces<DepositJson>().ProducesProblem(404).ProducesProblem(503);
        deposits.MapPost("{id}/reset", Reset).WithSummary("Ready the open deposit's bank purse for a new payment: a payment it still waits for, " +
            "which the merchant's card left with nothing paid, is aborted by the bank (its 02 archived). A deposit over is returned as it is.")
            .Produces<DepositJson>().ProducesProblem(404).ProducesProblem(503);
    }

    private static async Task<IResult> Open(HttpContext context, BankBackend bank, BankServiceOptions options)
    {
        OpenDepositRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.OpenDepositRequest, options.MaxRequestBodyBytes);
        string requestId = RequestFields.RequestId(request.RequestId);
        PurseId merchantPurse = PaymentFields.Purse(request.MerchantPurse, "merchantPurse");
        AccountId own = context.Caller().MerchantAccount
            ?? throw new InvalidOperationException($"merchant terminal key {context.Caller().Id} has no merchant account");
        if (request.MerchantAccount is not null)
        {
            context.RequireAccount(RequestFields.Account(request.MerchantAccount, "merchantAccount"));
        }
        BankDeposits deposits = bank.RequireDeposits();
        DepositOpening opening = deposits.Open(new DepositRequest(PaymentScope.Of(context, requestId), own, merchantPurse));
        return Results.Json(opening.Deposit.Json(bank.Ledger, opening.AlreadyOpen), BankApiJsonContext.Default.DepositJson,
            statusCode: opening.AlreadyOpen ? 200 : 201);
    }

    private static Task<IResult> Transmit(HttpContext context, BankBackend bank, BankServiceOptions options, string id)
    {
        string deposit = Known(context, bank, id);
        return ApduRelay.RelayAsync(context, options, command => bank.RequireDeposits().Transmit(deposit, command));
    }

    private static IResult Show(HttpContext context, BankBackend bank, string id) =>
        Results.Json(bank.RequireDeposits().Find(Known(context, bank, id))!.Json(bank.Ledger), BankApiJsonContext.Default.DepositJson);

    private static IResult End(HttpContext context, BankBackend bank, string id) =>
        Results.Json(bank.RequireDeposits().End(Known(context, bank, id)).Json(bank.Ledger), BankApiJsonContext.Default.DepositJson);

    private static IResult Reset(HttpContext context, BankBackend bank, string id) =>
        Results.Json(bank.RequireDeposits().ResetPayment(Known(context, bank, id)).Json(bank.Ledger), BankApiJsonContext.Default.DepositJson);

    private static string Known(HttpContext context, BankBackend bank, string id)
    {
        string scoped = PaymentScope.OfRoute(context, id);
        return bank.RequireDeposits().Find(scoped) is not null ? scoped
            : throw ApiProblemException.NotFound($"this key opened no deposit {RequestFields.Printable(PaymentScope.RequestIdOf(scoped))}.", "id");
    }
}
