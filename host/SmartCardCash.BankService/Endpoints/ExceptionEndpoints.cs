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
using SmartCardCash.Settlement.Archive;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// POST /v1/exceptions: a terminal uploads a purse's whole signed exception log; the archive verifies and keeps every
/// record once, refunds definitely lost value exactly once, and answers with each record's classification and the
/// issuer-signed CLEAR EXCEPTION LOG for exactly those records, which the terminal sends to the card. The answer names
/// purses only, never the account a refund went to.
/// </summary>
internal static class ExceptionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGroup(BankRoutes.Exceptions).WithTags("Exceptions").RequireRoles(ApiKeyRole.Terminal)
            .MapPost("", Upload).WithSummary("Archive a purse's signed exception log; the answer classifies each record and carries the clear authorisation.")
            .Accepts<ExceptionUploadRequest>("application/json").Produces<ExceptionUploadJson>().ProducesProblem(400).ProducesProblem(422)
            .ProducesProblem(503);

    private static async Task<IResult> Upload(HttpContext context, BankBackend bank, BankServiceOptions options, ILogger<BankBackend> log)
    {
        ExceptionArchive archive = bank.Archive;
        ExceptionUploadRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.ExceptionUploadRequest, options.MaxRequestBodyBytes);
        PurseCertificate certificate = ArchiveFields.Certificate(request.Certificate);
        uint counter = ArchiveFields.Counter(request.IssuerCounter);
        IReadOnlyList<ExceptionRecordUpload?> uploaded = RequestFields.Required(request.Records, "records");
        if (uploaded.Count > ExceptionArchive.MaxRecords)
        {
            throw ApiProblemException.BadRequest("records", $"records holds {uploaded.Count}; a purse's exception log holds far fewer.");
        }
        var entries = new List<ExceptionLogEntry>(uploaded.Count);
        for (int i = 0; i < uploaded.Count; i++)
        {
            string field = $"records[{i}]";
            ExceptionRecordUpload record = RequestFields.Required(uploaded[i], field);
            byte[] bytes = ArchiveFields.Hex(record.Record, $"{field}.record", ExceptionRecord.Length, ExceptionRecord.Length);
            byte[] signature = ArchiveFields.Hex(record.Signature, $"{field}.signature", PurseConstants.MinSignatureLength, PurseConstants.MaxSignatureLength);
            try
            {
                entries.Add(new ExceptionLogEntry(i, ExceptionRecord.Decode(bytes), signature));
            }
            catch (PurseFormatException e)
            {
                throw ApiProblemException.BadRequest($"{field}.record", $"{field}.record is not an exception record: {e.Message.TrimEnd('.')}.");
            }
        }

        ArchiveResult result = archive.Upload(new ExceptionUpload(certificate, counter, entries));
        log.LogInformation("exception log of purse {Purse} archived by key {KeyId}: {Records} records, {New} new", result.Purse,
            context.Caller().Id, result.Records.Count, result.Records.Count(r => !r.AlreadyArchived));
        var answer = new ExceptionUploadJson(result.Purse.ToString(), [.. result.Records.Select(r => r.Json())], result.ClearAuthorisation.Json());
        return Results.Json(answer, BankApiJsonContext.Default.ExceptionUploadJson);
    }
}
