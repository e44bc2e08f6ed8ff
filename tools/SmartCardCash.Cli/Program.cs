using System.CommandLine;

namespace SmartCardCash.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("scc: SmartCardCash, Mondex-style stored-value smart cards from the command line.");
        return root.Parse(args).Invoke();
    }
}
