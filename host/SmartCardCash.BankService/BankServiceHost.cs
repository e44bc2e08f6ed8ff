using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankApi;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Endpoints;
using SmartCardCash.BankService.Problems;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.BankService;

/// <summary>
/// The bank service, running: <see cref="StartAsync"/> opens (and migrates) the database, issues the bootstrap
/// operator key on the first start only, and listens; <see cref="StopAsync"/> lets requests in progress finish. The
/// pipeline: problems outermost (RFC 7807 for every error), routing, the API key check, the endpoints.
/// </summary>
public sealed class BankServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BankServiceHost(WebApplication app, Uri address, IssuedApiKey? bootstrapKey, BankDatabase database)
    {
        _app = app;
        Address = address;
        BootstrapOperatorKey = bootstrapKey;
        Database = database;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:7878/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The operator key made on this database's first start (to be shown once and kept in a 0600 file), or null.</summary>
    public IssuedApiKey? BootstrapOperatorKey { get; }

    public BankDatabase Database { get; }

    /// <summary>Opens the database and starts listening.</summary>
    /// <exception cref="BankStorageException">The database cannot be used.</exception>
    /// <exception cref="IOException">The address cannot be listened on (in use, not this machine's).</exception>
    public static async Task<BankServiceHost> StartAsync(BankServiceOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        BankDatabase database = BankDatabase.Open(options.Database, options.Time);
        var bank = new BankBackend(database, options.Issuer, options.Serials, options.PurseImageKey, options.Time);
        IssuedApiKey? bootstrap = bank.Access.IssueBootstrapOperatorKey();
        WebApplication app = Build(options, bank);
        await app.StartAsync(cancel).ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BankServiceHost(app, new Uri(bound.TrimEnd('/') + "/"), bootstrap, database);
    }

    public Task StopAsync(CancellationToken cancel = default) => _app.StopAsync(cancel);

    /// <summary>Stops listening and closes the database's pooled connections: nothing in this process holds it open after.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        Database.ClosePooledConnections();
    }

    private static WebApplication Build(BankServiceOptions options, BankBackend bank)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(options.Endpoint);
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(bank);
        builder.Services.AddHostedService<HoldSweeper>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BankApiJsonContext.Default));
        builder.Services.AddOpenApi(openApi => openApi.AddOperationTransformer(ApiKeyOpenApi.RequireKey).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SmartCardCash bank";
            document.Info.Description = "Every route but /health and this document needs Authorization: Bearer scc_KEYID_SECRET with the " +
                "route's role. Errors are RFC 7807 problems (application/problem+json) naming the field at fault.";
            return Task.CompletedTask;
        }));

        WebApplication app = builder.Build();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapOpenApi(BankRoutes.OpenApi.Replace("v1", "{documentName}", StringComparison.Ordinal));
        BankEndpoints.Map(app);
        options.MapMore?.Invoke(app);
        return app;
    }
}
