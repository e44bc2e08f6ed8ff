using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Requests;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// /v1/lost-payments (operator): the open maybe-lost and owed payments with how long each has been open, and the refund
/// of a payer purse's owed payments to an account the operator names (linked to the purse from then on). Each payment
/// is refunded once: its postings are keyed by its PD.
/// </summary>
internal static class LostPaymentEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder operators = routes.MapGroup(BankRoutes.LostPayments).WithTags("Lost payments").RequireRoles(ApiKeyRole.Operator);
        operators.MapGet("", (BankBackend bank, BankServiceOptions options) =>
            {
                DateTimeOffset now = options.Time.GetUtcNow();
                return Results.Json(new LostPaymentsJson(now, [.. bank.Archive.OpenPayments().Select(p => p.Json(now))]),
                    BankApiJsonContext.Default.LostPaymentsJson);
            })
            .WithSummary("Open maybe-lost and owed payments, oldest first, with how long each has been open.").Produces<LostPaymentsJson>();
        operators.MapPost("{payer}/refund", Refund).WithSummary("Refund every payment owed to a payer purse to the account named; once each.")
            .Accepts<RefundOwedRequest>("application/json").Produces<RefundOwedJson>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> Refund(HttpContext context, BankBackend bank, BankServiceOptions options, string payer, ILogger<BankBackend> log)
    {
        PurseId purse = ArchiveFields.Purse(payer, "payer");
        ExceptionArchive archive = bank.Archive;
        RefundOwedRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.RefundOwedRequest, options.MaxRequestBodyBytes);
        AccountId account = RequestFields.Account(request.Account);
        IReadOnlyList<LostPayment> refunded = archive.RefundOwed(purse, account);
        log.LogInformation("{Count} owed payments of purse {Purse} refunded to {Account} by key {KeyId}", refunded.Count, purse, account, context.Caller().Id);
        DateTimeOffset now = options.Time.GetUtcNow();
        return Results.Json(new RefundOwedJson(purse.ToString(), account.Value, [.. refunded.Select(p => p.Json(now))]),
            BankApiJsonContext.Default.RefundOwedJson);
    }
}
