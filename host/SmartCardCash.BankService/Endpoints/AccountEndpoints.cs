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

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// /v1/accounts: the operator opens customer and merchant accounts (the holder's credential is in the answer to the
/// opening, once), reissues a lost credential, shows and lists them; a merchant terminal may show its own merchant
/// account, no other.
/// </summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder operators = routes.MapGroup(BankRoutes.Accounts).WithTags("Accounts").RequireRoles(ApiKeyRole.Operator);
        operators.MapPost("", Open).WithSummary("Open a customer's or a merchant's account; the answer carries the holder's credential, once.")
            .Accepts<OpenAccountRequest>("application/json").Produces<OpenedAccountJson>(201).Produces<OpenedAccountJson>(200)
            .ProducesProblem(400).ProducesProblem(409);
        operators.MapPost("{id}/holder-credential", ReissueCredential)
            .WithSummary("A new credential for a customer's or merchant's account holder, given once; the old one no longer works.")
            .Produces<ReissuedCredentialJson>().ProducesProblem(400).ProducesProblem(404);
        operators.MapGet("", List).WithSummary("Every account, by ID (?currency=EUR for one currency's).").Produces<AccountsJson>();

        routes.MapGroup(BankRoutes.Accounts).WithTags("Accounts").RequireRoles(ApiKeyRole.Operator, ApiKeyRole.MerchantTerminal)
            .MapGet("{id}", Show).WithSummary("One account; a merchant terminal sees its own only.").Produces<AccountJson>().ProducesProblem(404);
    }

    private static async Task<IResult> Open(HttpContext context, BankBackend bank, BankServiceOptions options)
    {
        OpenAccountRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.OpenAccountRequest, options.MaxRequestBodyBytes);
        AccountId id = RequestFields.Account(request.Id, "id");
        if (id.Value.Length > 4 && id.Value[3] == '.' && id.Value[..3].All(char.IsAsciiLetterUpper))
        {
            throw ApiProblemException.BadRequest("id", $"id {id} starts with a currency code and a dot, as the bank's own accounts do (EUR.float); choose another, like customer.alice.");
        }
        AccountKind kind = RequestFields.Required(request.Kind, "kind") switch
        {
            "customer" => AccountKind.Customer,
            "merchant" => AccountKind.Merchant,
            string other => throw ApiProblemException.BadRequest("kind", $"kind '{RequestFields.Printable(other)}' is not customer or merchant."),
        };
        Currency currency = RequestFields.Currency(request.Currency);
        FeeRate? fee = Fee(kind, request.Fee);
        HolderAccountOpening opening = bank.Access.OpenAccount(new NewAccount(id, currency, kind, fee));
        var answer = new OpenedAccountJson(opening.Account.Json(), opening.AlreadyOpen, opening.HolderCredential);
        return Results.Json(answer, BankApiJsonContext.Default.OpenedAccountJson, statusCode: opening.AlreadyOpen ? 200 : 201);
    }

    private static IResult ReissueCredential(BankBackend bank, string id)
    {
        AccountId account = RequestFields.Account(id, "id");
        string credential = bank.Access.ReissueHolderCredential(account);
        Account found = bank.Ledger.FindAccount(account) ?? throw new InvalidOperationException($"account {account} vanished after its credential was reissued.");
        return Results.Json(new ReissuedCredentialJson(found.Json(), credential), BankApiJsonContext.Default.ReissuedCredentialJson);
    }

    private static IResult List(BankBackend bank, string? currency) =>
        Results.Json(new AccountsJson([.. bank.Ledger.Accounts(currency is null ? null : RequestFields.Currency(currency)).Select(a => a.Json())]),
            BankApiJsonContext.Default.AccountsJson);

    private static IResult Show(HttpContext context, BankBackend bank, string id)
    {
        AccountId account = RequestFields.Account(id, "id");
        context.RequireAccount(account);
        Account found = bank.Ledger.FindAccount(account) ?? throw ApiProblemException.NotFound($"there is no account {account}.", "id");
        return Results.Json(found.Json(), BankApiJsonContext.Default.AccountJson);
    }

    private static FeeRate? Fee(AccountKind kind, FeeRateJson? fee)
    {
        if (kind == AccountKind.Customer)
        {
            return fee is null ? null : throw ApiProblemException.BadRequest("fee", "fee is for merchant accounts; a customer's account has none.");
        }
        FeeRateJson rate = RequestFields.Required(fee, "fee");
        int basisPoints = rate.BasisPoints ?? throw ApiProblemException.BadRequest("fee.basisPoints", "fee.basisPoints is missing (0 to 10000).");
        long fixedPart = rate.Fixed ?? throw ApiProblemException.BadRequest("fee.fixed", "fee.fixed is missing (minor units, 0 or more).");
        if (basisPoints is < 0 or > FeeRate.MaxBasisPoints)
        {
            throw ApiProblemException.BadRequest("fee.basisPoints", $"fee.basisPoints is {basisPoints}; it is from 0 to {FeeRate.MaxBasisPoints}.");
        }
        return fixedPart < 0
            ? throw ApiProblemException.BadRequest("fee.fixed", $"fee.fixed is {fixedPart}; it is 0 or more minor units.")
            : new FeeRate(basisPoints, fixedPart);
    }
}
