using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using SmartCardCash.BankService;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// <c>scc bank serve</c>: the bank service in this process until Ctrl+C or SIGTERM, on loopback unless told otherwise.
/// On a database's first start it prints the operator key once and saves it in an owner-only file; later starts say
/// where it was saved and never print it again.
/// </summary>
internal sealed class BankServeCommand : CliCommand
{
    private readonly Option<string?> _db = new("--db")
    {
        Description = $"The bank's database: a SQLite file, or PostgreSQL as postgres://USER:PASSWORD@HOST:PORT/DATABASE or " +
            $"Host=…;Database=…. Default: $SCC_HOME/bank/{BankHome.DatabaseFileName}.",
        HelpName = "connection",
    };
    private readonly Option<string?> _listen = new("--listen")
    {
        Description = $"Where to listen, HOST:PORT. Default: 127.0.0.1:{BankServiceOptions.DefaultPort} (loopback only). Another " +
            "address must be given explicitly and is warned about; port 0 picks a free one.",
        HelpName = "host:port",
    };

    public BankServeCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "serve", BankHelpTexts.ServeDescription)
    {
        Add(_db, _listen);
    }

    protected override int Execute(CommandRun run)
    {
        string database = run.Get(_db) ?? BankHome.DefaultDatabase(Context.Home);
        IPEndPoint endpoint = ListenAddress.Parse(run.Get(_listen), BankServiceOptions.DefaultPort);
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            Context.Stderr.WriteLine($"scc: warning: listening on {endpoint}, not on loopback: anyone who can reach it can try keys, " +
                "and plain HTTP carries them unencrypted (put TLS in front of it)");
        }
        // The issuer of this home: the bank verifies its purses' certificates and signs the hotlist and clear codes.
        IssuerStore issuers = IssuerAccess.Store(Context);
        Issuer? issuer = issuers.Exists ? issuers.Load() : null;
        BankServiceHost host = Start(database, endpoint, run.Settings.Verbose, issuer, issuers);
        try
        {
            string? keyFile = host.BootstrapOperatorKey is IssuedApiKey key
                ? BankHome.SaveSecret(BankHome.OperatorKeyFile(Context.Home), key.Key.Id, key.Token)
                : null;
            run.Write(new BankServeJson(host.Address.ToString(), host.Database.Location.Server, keyFile), () =>
            {
                Context.Stdout.WriteLine($"The bank is listening on {host.Address} ({host.Database.Location.Server}).");
                if (host.BootstrapOperatorKey is IssuedApiKey first)
                {
                    Context.Stdout.WriteLine($"Operator key, shown this once and saved in {keyFile} (mode 0600):");
                    Context.Stdout.WriteLine(first.Token);
                }
                else
                {
                    Context.Stdout.WriteLine($"The operator key was shown on the first start (scc saved it in {BankHome.OperatorKeyFile(Context.Home)}).");
                }
                if (issuer is null)
                {
                    Context.Stdout.WriteLine($"No issuer in {issuers.Directory}: clearing, exception uploads, the hotlist, bank purses, loads and deposits answer 503 " +
                        "until the bank is started where the issuer is ('scc issuer init').");
                }
                Context.Stdout.WriteLine("Stop it with Ctrl+C.");
            });
            Context.Stdout.Flush();
            WaitForInterrupt();
            return ExitCodes.Success;
        }
        finally
        {
            host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private BankServiceHost Start(string database, IPEndPoint endpoint, bool verbose, Issuer? issuer, IssuerStore serials)
    {
        var options = new BankServiceOptions
        {
            Database = database,
            // The issuer also provisions and mints the bank's own purses, its store giving their serials; their card
            // images are sealed in the database under a key from an owner-only file.
            Issuer = issuer,
            Serials = serials,
            PurseImageKey = issuer is null ? null : PurseImageKey(),
            Endpoint = endpoint,
            // --verbose: the service's own log (refusals by reason, keys issued and revoked by ID, database failures) on
            // stderr; ASP.NET's request lines only when something is wrong.
            ConfigureLogging = verbose
                ? logging => logging.SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning)
                    .AddProvider(new StderrLoggerProvider(Context.Stderr, Context.Time))
                : null,
        };
        try
        {
            return BankServiceHost.StartAsync(options, Context.Interrupt).GetAwaiter().GetResult();
        }
        catch (IOException e) when (e.Message.Contains("Failed to bind", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--listen: cannot listen on {endpoint} ({ErrorReporter.OneLine(e.InnerException?.Message ?? e.Message)}); " +
                "choose another address or port");
        }
        catch (FormatException e)
        {
            throw new UsageException($"--db: {ErrorReporter.OneLine(e.Message)}");
        }
        catch (PurseImageKeyException e)
        {
            throw new LocalDataException(ErrorReporter.OneLine(e.Message), e);
        }
    }

    private PurseImageKey PurseImageKey()
    {
        try
        {
            return Settlement.BankPurses.PurseImageKey.LoadOrCreate(BankHome.PurseImageKeyFile(Context.Home));
        }
        catch (PurseImageKeyException e)
        {
            throw new LocalDataException(ErrorReporter.OneLine(e.Message), e);
        }
    }

    /// <summary>Until Ctrl+C or SIGTERM: stopping is how the service ends, so it exits 0.</summary>
    private void WaitForInterrupt()
    {
        using var stopped = new ManualResetEventSlim();
        using CancellationTokenRegistration registration = Context.Interrupt.Register(stopped.Set);
        stopped.Wait();
    }
}
