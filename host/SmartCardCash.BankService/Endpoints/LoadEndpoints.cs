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
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// /v1/loads (terminal): the terminal authorises a load with the account holder's credential, then relays the
/// payment's commands to the bank purse that pays it (one database transaction each, behind the load's gate), reads
/// the load and ends it. A load is the key's own (<see cref="PaymentScope"/>).
/// </summary>
internal static class LoadEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder loads = routes.MapGroup(BankRoutes.Loads).WithTags("Loads").RequireRoles(ApiKeyRole.Terminal);
        loads.MapPost("", Authorise).WithSummary("Authorise a load from an account (holder's credential in X-Holder-Credential) into a purse; idempotent by requestId.")
            .Accepts<AuthoriseLoadRequest>("application/json").Produces<LoadJson>(201).Produces<LoadJson>(200)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        loads.MapPost("{id}/apdu", Transmit).WithSummary("One command APDU for the load's bank purse; its response once committed.")
            .Accepts<ApduRequest>("application/json").Produces<ApduJson>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
        loads.MapGet("{id}", Show).WithSummary("The load and where it is.").Produces<LoadJson>().ProducesProblem(404);
        loads.MapPost("{id}/end", End).WithSummary("End the load: cancel it if nothing was paid; else the bank purse logs the payment for the archive.")
            .Produces<LoadJson>().ProducesProblem(404).ProducesProblem(503);
    }

    private static async Task<IResult> Authorise(HttpContext context, BankBackend bank, BankServiceOptions options)
    {
        AuthoriseLoadRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.AuthoriseLoadRequest, options.MaxRequestBodyBytes);
        string requestId = RequestFields.RequestId(request.RequestId);
        AccountId account = RequestFields.Account(request.Account);
        PurseId payee = PaymentFields.Purse(request.Payee, "payee");
        Currency currency = RequestFields.Currency(request.Currency);
        long amount = PaymentFields.PurseAmount(request.Amount);
        BankLoads loads = bank.RequireLoads();
        bank.Access.VerifyHolder(account, context.Request.Headers[BankRoutes.HolderCredentialHeader]);
        LoadAuthorisation authorised = loads.Authorise(new LoadRequest(PaymentScope.Of(context, requestId), account, payee, currency, amount));
        return Results.Json(authorised.Load.Json(authorised.AlreadyAuthorised), BankApiJsonContext.Default.LoadJson,
            statusCode: authorised.AlreadyAuthorised ? 200 : 201);
    }

    private static Task<IResult> Transmit(HttpContext context, BankBackend bank, BankServiceOptions options, string id)
    {
        string load = Known(context, bank, id);
        return ApduRelay.RelayAsync(context, options, command => bank.RequireLoads().Transmit(load, command));
    }

    private static IResult Show(HttpContext context, BankBackend bank, string id) =>
        Results.Json(bank.RequireLoads().Find(Known(context, bank, id))!.Json(), BankApiJsonContext.Default.LoadJson);

    private static IResult End(HttpContext context, BankBackend bank, string id) =>
        Results.Json(bank.RequireLoads().End(Known(context, bank, id)).Json(), BankApiJsonContext.Default.LoadJson);

    /// <summary>The scoped ID of the key's own load <paramref name="id"/>; 404 when the key authorised none by that ID.</summary>
    private static string Known(HttpContext context, BankBackend bank, string id)
    {
        string scoped = PaymentScope.OfRoute(context, id);
        return bank.RequireLoads().Find(scoped) is not null ? scoped
            : throw ApiProblemException.NotFound($"this key authorised no load {RequestFields.Printable(PaymentScope.RequestIdOf(scoped))}.", "id");
    }
}
