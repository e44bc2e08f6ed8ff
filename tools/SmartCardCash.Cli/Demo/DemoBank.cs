using System.Net;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService;
using SmartCardCash.Cli.Bank;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.Cli.Demo;

/// <summary>
/// The demo's bank: the real bank service, listening on a free loopback port for the demo's length, its SQLite database
/// in the demo folder (<c>bank/bank.db</c>), and one client per key the story uses: the operator's, the customers'
/// terminal's and the shop's merchant terminal's. Everything goes over HTTP with those keys, exactly as the commands
/// call a bank; each key is saved in an owner-only file beside the database, so the demo's bank can be served again.
/// </summary>
internal sealed class DemoBank : IDisposable
{
    public const string ShopAccount = "merchant.shop";

    private readonly BankServiceHost _host;
    private readonly List<HttpClient> _connections = [];
    private readonly CancellationToken _cancel;
    private readonly string _home;
    private BankClient? _terminal;
    private BankClient? _shop;

    private DemoBank(BankServiceHost host, string home, CancellationToken cancel)
    {
        _host = host;
        _cancel = cancel;
        IssuedApiKey first = host.BootstrapOperatorKey
            ?? throw new InvalidOperationException("the demo's bank database was not new: it issued no operator key");
        BankHome.SaveSecret(BankHome.OperatorKeyFile(home), first.Key.Id, first.Token);
        Operator = Connect(first.Token);
        _home = home;
    }

    /// <summary>Where the service listens: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address => _host.Address;

    /// <summary>The bank's operator: accounts, cash-in, bank purses, the audit.</summary>
    public BankClient Operator { get; }

    /// <summary>The customers' terminal: loads, exception uploads, clearing.</summary>
    public BankClient Terminal => _terminal ?? throw new InvalidOperationException("the demo's terminal keys are not issued yet");

    /// <summary>The shop's terminal: deposits into <see cref="ShopAccount"/> only.</summary>
    public BankClient Shop => _shop ?? throw new InvalidOperationException("the demo's terminal keys are not issued yet");

    /// <summary>The operator issues the terminal's key and the shop's (bound to its account, which must be open).</summary>
    public void IssueTerminalKeys()
    {
        IssuedKeyJson terminal = Call(c => Operator.IssueKeyAsync(new IssueKeyRequest("terminal", Label: "the demo's terminal"), c));
        BankHome.SaveSecret(KeyFile(_home, "terminal"), terminal.Key.Id, terminal.Token);
        _terminal = Connect(terminal.Token);
        IssuedKeyJson shop = Call(c => Operator.IssueKeyAsync(new IssueKeyRequest("merchant-terminal", ShopAccount, "the shop's terminal"), c));
        BankHome.SaveSecret(KeyFile(_home, "shop"), shop.Key.Id, shop.Token);
        _shop = Connect(shop.Token);
    }

    /// <summary>Where the demo keeps the key of <paramref name="name"/>'s terminal (0600).</summary>
    public static string KeyFile(string home, string name) => Path.Combine(BankHome.Directory(home), $"{name}.key");

    /// <summary>Starts the service on a free loopback port; the issuer certifies and mints the bank's purses.</summary>
    public static DemoBank Start(string home, Issuer issuer, IssuerStore serials, TimeProvider time, CancellationToken cancel)
    {
        var options = new BankServiceOptions
        {
            Database = BankHome.DefaultDatabase(home),
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Issuer = issuer,
            Serials = serials,
            PurseImageKey = PurseImageKey.LoadOrCreate(BankHome.PurseImageKeyFile(home)),
            Time = time,
        };
        BankServiceHost host = BankServiceHost.StartAsync(options, cancel).GetAwaiter().GetResult();
        try
        {
            return new DemoBank(host, home, cancel);
        }
        catch
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>One call of a client, to its end; Ctrl+C cancels it.</summary>
    public T Call<T>(Func<CancellationToken, Task<T>> call) => call(_cancel).GetAwaiter().GetResult();

    /// <summary>Stops the service (requests in progress finish) and closes its database.</summary>
    public void Dispose()
    {
        foreach (HttpClient connection in _connections)
        {
            connection.Dispose();
        }
        _host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private BankClient Connect(string token)
    {
        var http = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(30) };
        _connections.Add(http);
        return new BankClient(http, token);
    }
}
