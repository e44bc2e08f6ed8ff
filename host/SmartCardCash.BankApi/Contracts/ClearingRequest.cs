namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/clearing: a terminal's journal lines, each exactly as <c>JournalFormat</c> wrote it, at most
/// <see cref="MaxLines"/> a request. <see cref="RequestId"/> names the upload in the answer and the log; each val is
/// cleared once by its natural key (payer purse, sequence number), so sending the same lines again changes nothing.</summary>
public sealed record ClearingRequest(string? RequestId, IReadOnlyList<string?>? Lines)
{
    /// <summary>The most lines one request takes (the service clears them in batches of at most 1000).</summary>
    public const int MaxLines = 4000;
}
