using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.BankService.Problems;

/// <summary>
/// The outermost step of every request: turns whatever ended it into an RFC 7807 problem. The bank's refusals keep
/// their one-sentence message and name their reason; a database that is down is 503 with a <c>Retry-After</c> (its name
/// and the cause go to the log, not to the caller); anything unexpected is 500 with the trace ID to find it in the log,
/// never a stack trace. Empty error answers (404 and 405 from routing) get a problem body too.
/// </summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await WriteAsync(context, e);
            return;
        }
        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null or 0 } && context.Response.ContentType is null)
        {
            await ProblemWriter.WriteAsync(context, context.Response.StatusCode, ProblemWriter.TitleOf(context.Response.StatusCode),
                ProblemWriter.DetailOf(context, context.Response.StatusCode));
        }
    }

    private Task WriteAsync(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case ApiProblemException e:
                return ProblemWriter.WriteAsync(context, e.Status, e.Title, e.Message, e.Field, e.Reason);
            case AccessRefusedException e:
                (int status, string title) = RefusalStatus.Of(e.Reason);
                log.LogInformation("{Method} {Path} refused: {Reason}", context.Request.Method, context.Request.Path, e.Reason);
                return ProblemWriter.WriteAsync(context, status, title, e.Message, reason: e.Reason.ToString());
            case LedgerRefusedException e:
                (int ledgerStatus, string ledgerTitle) = RefusalStatus.Of(e.Reason);
                return ProblemWriter.WriteAsync(context, ledgerStatus, ledgerTitle, e.Message, reason: e.Reason.ToString());
            case ArchiveRefusedException e:
                (int archiveStatus, string archiveTitle) = RefusalStatus.Of(e.Reason);
                return ProblemWriter.WriteAsync(context, archiveStatus, archiveTitle, e.Message,
                    e.Reason == ArchiveRefusal.CertificateRefused ? "certificate" : "records", e.Reason.ToString());
            case CertificateRefusedException e:
                return ProblemWriter.WriteAsync(context, 422, "Certificate refused", e.Message, "certificate", e.Reason.ToString());
            case BankPurseRefusedException e:
                (int purseStatus, string purseTitle) = RefusalStatus.Of(e.Reason);
                log.LogInformation("{Method} {Path} refused: {Reason}", context.Request.Method, context.Request.Path, e.Reason);
                return ProblemWriter.WriteAsync(context, purseStatus, purseTitle, e.Message, reason: e.Reason.ToString(),
                    retryAfter: RetryAfter.Of(e.Reason));
            case BankStorageException e:
                log.LogError("{Method} {Path}: {Message}", context.Request.Method, context.Request.Path, e.Message);
                return ProblemWriter.WriteAsync(context, 503, "Database unavailable",
                    "the bank's database cannot be used right now; nothing was written, and the same request may be sent again.",
                    retryAfter: RetryAfter.DatabaseUnavailable);
            case BadHttpRequestException e:
                return ProblemWriter.WriteAsync(context, e.StatusCode, ProblemWriter.TitleOf(e.StatusCode), ProblemWriter.DetailOf(context, e.StatusCode));
            default:
                log.LogError(exception, "{Method} {Path} failed ({TraceId})", context.Request.Method, context.Request.Path, context.TraceIdentifier);
                return ProblemWriter.WriteAsync(context, 500, "Internal error",
                    $"the bank failed unexpectedly; its log has the error under {context.TraceIdentifier}.");
        }
    }
}
