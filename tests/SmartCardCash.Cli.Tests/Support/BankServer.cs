using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary><c>scc bank serve</c> in process on a free loopback port; SCC_BANK_URL then points the other commands at
/// it, with the operator key it saved in the home.</summary>
internal static class BankServer
{
    public static BackgroundScc Serve(CliHarness cli, params string[] options)
    {
        var serve = new BackgroundScc(cli, ["bank", "serve", "--listen", "127.0.0.1:0", .. options]);
        string line = serve.WaitForLine("listening on");
        cli.Environment["SCC_BANK_URL"] = line.Split(' ').Single(w => w.StartsWith("http://", StringComparison.Ordinal));
        serve.WaitForLine("Stop it with Ctrl+C.");
        return serve;
    }

    /// <summary>A loopback port nothing listens on (just now).</summary>
    public static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
