using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.BankApi;

/// <summary>
/// The bank service's typed client over an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the
/// bank. Every call sends the API key (<c>Authorization: Bearer</c>); an error answer is a <see cref="BankApiException"/>
/// with the service's problem, no answer at all a <see cref="BankUnreachableException"/>.
/// </summary>
public sealed partial class BankClient
{
    private static readonly BankApiJsonContext Json = BankApiJsonContext.Default;
    private readonly HttpClient _http;
    private readonly string? _apiKey;

    public BankClient(HttpClient http, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http.BaseAddress is not null ? http : throw new ArgumentException("the HttpClient has no BaseAddress: the bank's URL.", nameof(http));
        _apiKey = apiKey;
    }

    public Uri Address => _http.BaseAddress!;

    /// <summary>The service's health; 503 (database unreachable) is an answer here, not an error.</summary>
    public Task<HealthJson> HealthAsync(CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.Health, null, Json.HealthJson, cancel, acceptUnavailable: true);

    public Task<OpenedAccountJson> OpenAccountAsync(OpenAccountRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.Accounts, JsonContent.Create(request, Json.OpenAccountRequest), Json.OpenedAccountJson, cancel);

    /// <summary>A new credential for the account's holder; the old one stops working.</summary>
    public Task<ReissuedCredentialJson> ReissueHolderCredentialAsync(string account, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.HolderCredential(account), null, Json.ReissuedCredentialJson, cancel);

    public Task<AccountJson> GetAccountAsync(string id, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.Account(id), null, Json.AccountJson, cancel);

    public Task<AccountsJson> ListAccountsAsync(string? currency = null, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, currency is null ? BankRoutes.Accounts : $"{BankRoutes.Accounts}?currency={Uri.EscapeDataString(currency)}",
            null, Json.AccountsJson, cancel);

    public Task<CashInJson> CashInAsync(CashInRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.CashIn, JsonContent.Create(request, Json.CashInRequest), Json.CashInJson, cancel);

    public Task<AuditJson> AuditAsync(CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.Audit, null, Json.AuditJson, cancel);

    public Task<IssuedKeyJson> IssueKeyAsync(IssueKeyRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.Keys, JsonContent.Create(request, Json.IssueKeyRequest), Json.IssuedKeyJson, cancel);

    public Task<ApiKeyJson> RevokeKeyAsync(string id, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Delete, BankRoutes.Key(id), null, Json.ApiKeyJson, cancel);

    public Task<KeysJson> ListKeysAsync(CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.Keys, null, Json.KeysJson, cancel);

    private async Task<T> SendAsync<T>(HttpMethod method, string route, HttpContent? content, JsonTypeInfo<T> answer,
        CancellationToken cancel, bool acceptUnavailable = false)
    {
        using var request = new HttpRequestMessage(method, route.TrimStart('/')) { Content = content };
        if (_apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(BankRoutes.AuthorizationScheme, _apiKey);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new BankUnreachableException(Address, e.InnerException?.Message ?? e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new BankUnreachableException(Address, $"no answer within {_http.Timeout.TotalSeconds:0} s", e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode || (acceptUnavailable && (int)response.StatusCode == 503 && IsJson(response, "application/json")))
            {
                return await ReadAsync(response, answer, cancel).ConfigureAwait(false);
            }
            throw new BankApiException((int)response.StatusCode, await ReadProblemAsync(response, cancel).ConfigureAwait(false));
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> answer, CancellationToken cancel)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(answer, cancel).ConfigureAwait(false)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException e)
        {
            throw new BankApiException((int)response.StatusCode, new ProblemJson(null, "Not the bank's answer", (int)response.StatusCode,
                $"the answer from {Address} is not the bank's {typeof(T).Name}: {e.Message.TrimEnd('.')}."));
        }
    }

    private async Task<ProblemJson> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        int status = (int)response.StatusCode;
        if (IsJson(response, "application/problem+json") || IsJson(response, "application/json"))
        {
            try
            {
                // Lenient: a problem may carry members this client does not know (RFC 7807 extensions).
                string text = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
                using JsonDocument document = JsonDocument.Parse(text);
                JsonElement root = document.RootElement;
                return new ProblemJson(Text(root, "type"), Text(root, "title"), status, Text(root, "detail"), Text(root, "field"), Text(root, "reason"));
            }
            catch (JsonException)
            {
                // not a problem after all: said below
            }
        }
        return new ProblemJson(null, response.ReasonPhrase, status, $"the bank at {Address} answered HTTP {status} {response.ReasonPhrase}.");
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    private static bool IsJson(HttpResponseMessage response, string mediaType) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, mediaType, StringComparison.OrdinalIgnoreCase);
}
