using System.Net.Http.Json;
using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.BankApi;

// Clearing, exception uploads, the hotlist and the operator's revocation and lost-payment views.
public sealed partial class BankClient
{
    /// <summary>Lines per request: one clearing batch of the bank (one database transaction), about 1 MiB.</summary>
    public const int ClearingLinesPerRequest = 1000;

    /// <summary>Clears a terminal's journal lines, in requests of <see cref="ClearingLinesPerRequest"/> lines; the
    /// answer is every line's, indexed in <paramref name="lines"/>. A part that fails throws, and the parts before it
    /// stay cleared: sending the whole journal again clears only what is new.</summary>
    public async Task<ClearingJson> ClearAsync(string requestId, IReadOnlyList<string> lines, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var records = new List<ClearingRecordJson>(lines.Count);
        // An empty journal is sent too: the bank says what it thinks of it (400, lines).
        for (int start = 0; start == 0 || start < lines.Count; start += ClearingLinesPerRequest)
        {
            List<string?> part = [.. lines.Skip(start).Take(ClearingLinesPerRequest)];
            var request = new ClearingRequest(requestId, part);
            ClearingJson answer = await SendAsync(HttpMethod.Post, BankRoutes.Clearing, JsonContent.Create(request, Json.ClearingRequest),
                Json.ClearingJson, cancel).ConfigureAwait(false);
            records.AddRange(answer.Records.Select(r => r with { Index = r.Index + start }));
        }
        return new ClearingJson(requestId, Count("cleared"), Count("already-cleared"), Count("clone-detected"), Count("refused"), records);

        int Count(string status) => records.Count(r => r.Status == status);
    }

    public Task<ExceptionUploadJson> UploadExceptionsAsync(ExceptionUploadRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.Exceptions, JsonContent.Create(request, Json.ExceptionUploadRequest), Json.ExceptionUploadJson, cancel);

    /// <summary>The current issuer-signed hotlist.</summary>
    public Task<HotlistJson> HotlistAsync(CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.Hotlist, null, Json.HotlistJson, cancel);

    public Task<HotlistJson> HotlistVersionAsync(long version, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.HotlistVersion(version), null, Json.HotlistJson, cancel);

    public Task<HotlistReportJson> ReportHotlistAsync(HotlistReportRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.Hotlist, JsonContent.Create(request, Json.HotlistReportRequest), Json.HotlistReportJson, cancel);

    public Task<HotlistEntriesJson> HotlistEntriesAsync(CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.HotlistEntries, null, Json.HotlistEntriesJson, cancel);

    public Task<PurseHolderJson> PurseHolderAsync(string purse, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.PurseHolder(purse), null, Json.PurseHolderJson, cancel);

    public Task<LostPaymentsJson> LostPaymentsAsync(CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.LostPayments, null, Json.LostPaymentsJson, cancel);

    public Task<RefundOwedJson> RefundOwedAsync(string payer, RefundOwedRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.RefundOwed(payer), JsonContent.Create(request, Json.RefundOwedRequest), Json.RefundOwedJson, cancel);
}
