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
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>POST /v1/cash-in: a teller credits a customer's or merchant's account with cash taken in. The client's
/// request ID is the transfer's key: the same request again is answered from the record (200), other content under
/// the same ID is refused (409).</summary>
internal static class CashInEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGroup(BankRoutes.CashIn).WithTags("Cash").RequireRoles(ApiKeyRole.Operator)
            .MapPost("", CashIn).WithSummary("Credit an account with cash a teller took in; idempotent by requestId.")
            .Accepts<CashInRequest>("application/json").Produces<CashInJson>(201).Produces<CashInJson>(200)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

    private static async Task<IResult> CashIn(HttpContext context, BankBackend bank, BankServiceOptions options)
    {
        CashInRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.CashInRequest, options.MaxRequestBodyBytes);
        string requestId = RequestFields.RequestId(request.RequestId);
        AccountId accountId = RequestFields.Account(request.Account);
        long amount = RequestFields.Amount(request.Amount);
        Currency currency = RequestFields.Currency(request.Currency);

        // Checked here for a clear answer; the ledger enforces the same, whoever submits.
        Account account = bank.Ledger.FindAccount(accountId) ?? throw ApiProblemException.NotFound($"there is no account {accountId}.", "account");
        if (account.Kind is not (AccountKind.Customer or AccountKind.Merchant))
        {
            throw ApiProblemException.BadRequest("account", $"account {accountId} is one of the bank's own; cash is paid into customer and merchant accounts.");
        }
        if (account.Currency != currency)
        {
            throw new ApiProblemException(409, "Currency does not match the account",
                $"account {accountId} is in {account.Currency.AlphaCode}, not {currency.AlphaCode}.", "currency");
        }
        SubmitResult result = bank.Ledger.Submit(BankPostings.CashIn(new TransferId($"cash-in/{requestId}"), currency, accountId, amount));
        Transfer transfer = result.Transfers[0];
        var answer = new CashInJson(requestId, transfer.Id.Value, transfer.CreditAccount.Value, transfer.Amount, transfer.Currency.AlphaCode,
            transfer.Timestamp, result.AlreadyRecorded);
        return Results.Json(answer, BankApiJsonContext.Default.CashInJson, statusCode: result.AlreadyRecorded ? 200 : 201);
    }
}
