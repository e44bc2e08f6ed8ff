using System.CommandLine;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Payments;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc demo</c>: the whole of SmartCardCash in a few seconds, on emulated cards in a folder of its own
/// (<c>$SCC_HOME/demo</c>, or <c>--home</c>): no PC/SC, no network. Run again, it starts afresh and says so.
/// </summary>
internal sealed class DemoCommand
{
    /// <summary>Marks a folder as the demo's, so that only a demo folder is ever emptied.</summary>
    public const string MarkerFile = ".scc-demo";

    private readonly GlobalOptions _globals;
    private readonly CliContext _context;
    private readonly Option<string?> _home = new("--home")
    {
        Description = "The demo's own folder (its issuer and cards). Default: $SCC_HOME/demo. A previous demo there is replaced; " +
            "any other non-empty folder is refused.",
        HelpName = "dir",
    };

    public DemoCommand(GlobalOptions globals, CliContext context)
    {
        _globals = globals;
        _context = context;
        Command = new Command("demo", HelpTexts.DemoDescription) { _home };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        OutputSettings settings = _globals.Read(parseResult);
        string home = Path.GetFullPath(parseResult.GetValue(_home) ?? Path.Combine(_context.Home, "demo"));
        bool reset = Prepare(home);
        return new DemoScript(_context, settings, home, reset).Run();
    }

    /// <summary>Empties a previous demo (never anything else); returns whether there was one.</summary>
    private static bool Prepare(string home)
    {
        bool reset = false;
        if (Directory.Exists(home))
        {
            if (File.Exists(Path.Combine(home, MarkerFile)))
            {
                try
                {
                    Directory.Delete(home, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new Purse.LocalDataException(
                        $"the previous demo in {home} cannot be removed ({e.Message.TrimEnd('.')}); is another scc using its cards?", e);
                }
                reset = true;
            }
            else if (Directory.EnumerateFileSystemEntries(home).Any())
            {
                throw new UsageException($"{home} exists and is not a demo folder: choose another with --home");
            }
        }
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, MarkerFile), "scc demo: this folder is replaced by the next 'scc demo'.\n");
        return reset;
    }
}
