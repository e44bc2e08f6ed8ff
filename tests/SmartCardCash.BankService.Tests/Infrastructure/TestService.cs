using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using SmartCardCash.Issuing;

using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>
/// The bank service on a fresh database (SQLite or PostgreSQL), listening on a free loopback port, with its bootstrap
/// operator key; clients for any key, and raw HTTP for what a typed client would never send. Stopped and the database
/// deleted on dispose.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private TestService(TestBank bank, BankServiceHost host, RecordingLoggerProvider logs, Issuer issuer)
    {
        Issuer = issuer;
        Bank = bank;
        Host = host;
        Logs = logs;
        OperatorKey = host.BootstrapOperatorKey!.Token;
        Operator = Client(OperatorKey);
    }

    /// <summary>One key for every test service, so a service started again on a database opens its purses.</summary>
    public static readonly PurseImageKey ImageKey = PurseImageKey.FromBytes(System.Security.Cryptography.SHA256.HashData("test purse image key"u8));

    public TestBank Bank { get; }

    /// <summary>The issuer the service holds: it personalises and mints the bank's purses.</summary>
    public Issuer Issuer { get; }

    public BankServiceHost Host { get; }

    public RecordingLoggerProvider Logs { get; }

    public string OperatorKey { get; }

    public BankClient Operator { get; }

    public static Task<TestService> StartAsync(BankStorageFixture storage, StorageProvider provider, Issuing.Issuer? issuer = null) =>
        StartAsync(storage.Create(provider), issuer: issuer);

    public static async Task<TestService> StartAsync(TestBank bank, long maxRequestBodyBytes = BankServiceOptions.DefaultMaxRequestBodyBytes,
        Issuing.Issuer? issuer = null, long maxJournalBodyBytes = BankServiceOptions.DefaultMaxJournalBodyBytes, bool serviceHoldsIssuer = true,
        Func<BankServiceOptions, BankServiceOptions>? configure = null)
    {
        var logs = new RecordingLoggerProvider();
        Issuing.Issuer serviceIssuer = issuer ?? Issuing.Issuer.Create(new IssuerId(0x5343430A), DateOnly.FromDateTime(DateTime.UtcNow));
        var options = new BankServiceOptions
        {
            Database = Target(bank.Location),
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            MaxRequestBodyBytes = maxRequestBodyBytes,
            MaxJournalBodyBytes = maxJournalBodyBytes,
            ConfigureLogging = logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug),
            Issuer = serviceHoldsIssuer ? serviceIssuer : null, // without it, the routes that need it answer 503
            Serials = new SequentialSerials(),
            PurseImageKey = ImageKey,
        };
        BankServiceHost host = await BankServiceHost.StartAsync(configure?.Invoke(options) ?? options);
        return new TestService(bank, host, logs, serviceIssuer);
    }

    /// <summary>What BankDatabase.Open takes for <paramref name="location"/>: a SQLite file's path, a PostgreSQL connection string.</summary>
    public static string Target(StorageLocation location) => location.Provider == StorageProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(location.ConnectionString).DataSource
        : location.ConnectionString;

    public BankClient Client(string? key) => new(Http(), key);

    public HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        _clients.Add(http);
        return http;
    }

    /// <summary>A raw request: <paramref name="body"/> as is, with the content type and Authorization given.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, string? body = null, string? authorization = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, route.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await Http().SendAsync(request);
    }

    /// <summary>Every transfer and key, as a fingerprint of what the bank has written.</summary>
    public string Written() =>
        $"{Bank.Ledger.Audit().Transfers} transfers, {Bank.Ledger.Accounts().Count} accounts, " +
        $"{string.Join(",", new SmartCardCash.Settlement.Access.BankAccess(Bank.Database).Keys().Select(k => $"{k.Id}:{k.Revoked}"))}";

    public async ValueTask DisposeAsync()
    {
        foreach (HttpClient client in _clients)
        {
            client.Dispose();
        }
        await Host.StopAsync();
        await Host.DisposeAsync();
        Bank.Dispose();
    }
}
