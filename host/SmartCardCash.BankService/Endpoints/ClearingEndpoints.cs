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
using SmartCardCash.Settlement.Clearing;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// POST /v1/clearing: a terminal uploads its journal (the payers' signed vals). Every field is checked before anything
/// is cleared; the lines are then cleared in batches of <see cref="ValClearing.MaxBatch"/>, each one database
/// transaction, and answered line by line. A line that is not a journal record is refused on its own (the others
/// still clear): the journal is evidence, and one damaged line must not hide the rest. The body may be up to
/// <see cref="BankServiceOptions.MaxJournalBodyBytes"/>, more than the other routes take.
/// </summary>
internal static class ClearingEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGroup(BankRoutes.Clearing).WithTags("Clearing").RequireRoles(ApiKeyRole.Terminal, ApiKeyRole.MerchantTerminal)
            .MapPost("", Clear).WithSummary("Clear a terminal's journal lines: each val verified and kept once per payer and sequence number; a clone is detected and hotlisted.")
            .Accepts<ClearingRequest>("application/json").Produces<ClearingJson>().ProducesProblem(400).ProducesProblem(413).ProducesProblem(503);

    private static async Task<IResult> Clear(HttpContext context, BankBackend bank, BankServiceOptions options, ILogger<BankBackend> log)
    {
        ValClearing clearing = bank.Clearing;
        ArchiveFields.AllowBody(context, options.MaxJournalBodyBytes);
        ClearingRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.ClearingRequest, options.MaxJournalBodyBytes);
        string requestId = RequestFields.RequestId(request.RequestId);
        IReadOnlyList<string?> lines = RequestFields.Required(request.Lines, "lines");
        if (lines.Count is 0 or > ClearingRequest.MaxLines)
        {
            throw ApiProblemException.BadRequest("lines", $"lines holds {lines.Count} journal lines; an upload holds 1 to {ClearingRequest.MaxLines}.");
        }
        int missing = lines.ToList().IndexOf(null);
        if (missing >= 0)
        {
            throw ApiProblemException.BadRequest($"lines[{missing}]", $"lines[{missing}] is null; each line is a journal record as the terminal wrote it.");
        }

        var records = new List<ClearingRecordJson>(lines.Count);
        for (int start = 0; start < lines.Count; start += ValClearing.MaxBatch)
        {
            ClearingResult batch = clearing.ClearLines([.. lines.Skip(start).Take(ValClearing.MaxBatch).Select(l => l!)]);
            records.AddRange(batch.Records.Select(r => r.Json(start)));
        }
        var answer = new ClearingJson(requestId, Count("cleared"), Count("already-cleared"), Count("clone-detected"), Count("refused"), records);
        log.LogInformation("clearing {RequestId} by key {KeyId}: {Cleared} cleared, {AlreadyCleared} already cleared, {Clones} clones, {Refused} refused",
            requestId, context.Caller().Id, answer.Cleared, answer.AlreadyCleared, answer.ClonesDetected, answer.Refused);
        foreach (ClearingRecordJson clone in records.Where(r => r.Status == "clone-detected"))
        {
            log.LogWarning("clearing {RequestId}: purse {Purse} is cloned (sequence number {FromSeq} signed twice); it is on the hotlist",
                requestId, clone.Payer, clone.FromSeq);
        }
        return Results.Json(answer, BankApiJsonContext.Default.ClearingJson);

        int Count(string status) => records.Count(r => r.Status == status);
    }
}
