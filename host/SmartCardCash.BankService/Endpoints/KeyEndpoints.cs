using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Problems;
using SmartCardCash.BankService.Requests;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>/v1/keys: the operator issues keys (the answer holds the key, once), lists them without secrets and
/// revokes them.</summary>
internal static class KeyEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder keys = routes.MapGroup(BankRoutes.Keys).WithTags("Keys").RequireRoles(ApiKeyRole.Operator);
        keys.MapPost("", Issue).WithSummary("Issue a key; the answer holds it, once.")
            .Accepts<IssueKeyRequest>("application/json").Produces<IssuedKeyJson>(201).ProducesProblem(400);
        keys.MapGet("", (BankBackend bank) => Results.Json(new KeysJson([.. bank.Access.Keys().Select(k => k.Json())]), BankApiJsonContext.Default.KeysJson))
            .WithSummary("Every key, oldest first, without secrets.").Produces<KeysJson>();
        keys.MapDelete("{id}", Revoke).WithSummary("Revoke a key; revoking it again changes nothing.").Produces<ApiKeyJson>().ProducesProblem(404);
    }

    private static async Task<IResult> Issue(HttpContext context, BankBackend bank, BankServiceOptions options, ILogger<BankBackend> log)
    {
        IssueKeyRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.IssueKeyRequest, options.MaxRequestBodyBytes);
        string roleName = RequestFields.Required(request.Role, "role");
        ApiKeyRole role = RoleNames.Parse(roleName) ?? throw ApiProblemException.BadRequest("role",
            $"role '{RequestFields.Printable(roleName)}' is not {string.Join(", ", ApiRoles.All)}.");
        AccountId? merchant = request.MerchantAccount is null ? null : RequestFields.Account(request.MerchantAccount, "merchantAccount");
        if (request.Label is { } label && (label.Length is 0 or > BankAccess.MaxLabelLength || label.Any(char.IsControl)))
        {
            throw ApiProblemException.BadRequest("label", $"label is 1 to {BankAccess.MaxLabelLength} characters without control characters.");
        }
        IssuedApiKey issued;
        try
        {
            issued = bank.Access.IssueKey(role, merchant, request.Label);
        }
        catch (AccessRefusedException e) when (e.Reason == AccessRefusal.InvalidKeyRequest)
        {
            throw ApiProblemException.BadRequest("merchantAccount", e.Message);
        }
        log.LogInformation("key {KeyId} ({Role}) issued by key {CallerId}", issued.Key.Id, role, context.Caller().Id);
        return Results.Json(new IssuedKeyJson(issued.Key.Json(), issued.Token), BankApiJsonContext.Default.IssuedKeyJson, statusCode: 201);
    }

    private static IResult Revoke(HttpContext context, BankBackend bank, string id, ILogger<BankBackend> log)
    {
        if (!ApiKeyToken.IsId(id) || bank.Access.FindKey(id) is null)
        {
            throw ApiProblemException.NotFound($"there is no API key {RequestFields.Printable(id)} (a key ID is 16 lower-case hex digits).", "id");
        }
        ApiKey revoked = bank.Access.Revoke(id);
        // Its open loads and deposits can never be driven or ended by it again: the bank ends them now, freeing their purses.
        var failures = new List<(string Id, Exception Error)>();
        int loads = bank.Loads?.EndOpen($"{id}.", failures).Count ?? 0;
        int deposits = bank.Deposits?.EndOpen($"{id}.", failures).Count ?? 0;
        foreach ((string payment, Exception e) in failures)
        {
            log.LogWarning("payment {PaymentId} of revoked key {KeyId} could not be ended now (the hold sweep ends it later): {Reason}",
                payment, id, e.Message);
        }
        log.LogInformation("key {KeyId} revoked by key {CallerId}; its open payments ended: {Loads} loads, {Deposits} deposits", id,
            context.Caller().Id, loads, deposits);
        return Results.Json(revoked.Json(), BankApiJsonContext.Default.ApiKeyJson);
    }
}
