namespace SmartCardCash.BankService.Problems;

/// <summary>A request the service refuses itself (before the bank's library is asked): the HTTP status, a short title,
/// the one-sentence detail and the request field at fault. Thrown by the request checks, written by
/// <see cref="ProblemMiddleware"/> as an RFC 7807 problem.</summary>
public sealed class ApiProblemException(int status, string title, string detail, string? field = null, string? reason = null) : Exception(detail)
{
    /// <summary>A refusal's reason, when the service has one of its own (NotHotlisted).</summary>
    public string? Reason { get; } = reason;

    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Field { get; } = field;

    public static ApiProblemException BadRequest(string field, string detail) => new(400, "Invalid request field", detail, field);

    public static ApiProblemException NotFound(string detail, string? field = null) => new(404, "Not found", detail, field);
}
