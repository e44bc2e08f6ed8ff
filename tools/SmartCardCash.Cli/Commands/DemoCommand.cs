using System.CommandLine;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Demo;
using SmartCardCash.DurableFiles;
using SmartCardCash.Emulator.Images;
using SmartCardCash.LocalData;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc demo</c>: the whole of SmartCardCash in a few seconds, on emulated cards in a folder of its own
/// (<c>$SCC_HOME/demo</c>, or <c>--home</c>): no PC/SC, no network. Run again, it starts afresh and says so.
/// </summary>
internal sealed class DemoCommand : CliCommand
{
    /// <summary>Marks a folder as the demo's, so that only a demo folder is ever emptied.</summary>
    public const string MarkerFile = ".scc-demo";

    private readonly Option<string?> _home = new("--home")
    {
        Description = "The demo's own folder (its issuer and cards). Default: $SCC_HOME/demo. A previous demo there is replaced; " +
            "any other non-empty folder is refused.",
        HelpName = "dir",
    };

    public DemoCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "demo", HelpTexts.DemoDescription)
    {
        Add(_home);
    }

    protected override int Execute(CommandRun run)
    {
        string home = Path.GetFullPath(run.Get(_home) ?? Path.Combine(Context.Home, "demo"));
        bool reset = Prepare(home);
        return new DemoScript(Context, run.Settings, home, reset).Run();
    }

    /// <summary>Empties a previous demo (never anything else, never one whose cards are in use); returns whether there was one.</summary>
    private static bool Prepare(string home)
    {
        bool reset = false;
        if (File.Exists(home))
        {
            throw new LocalDataException($"the demo folder {home} cannot be used: it is a file, not a folder; choose another with --home");
        }
        if (Directory.Exists(home))
        {
            if (File.Exists(Path.Combine(home, MarkerFile)))
            {
                RemovePreviousDemo(home);
                reset = true;
            }
            else if (Directory.EnumerateFileSystemEntries(home).Any())
            {
                throw new UsageException($"{home} exists and is not a demo folder: choose another with --home");
            }
        }
        try
        {
            PrivateFiles.EnsureDirectory(home);
            File.WriteAllText(Path.Combine(home, MarkerFile), "scc demo: this folder is replaced by the next 'scc demo'.\n");
        }
        catch (Exception e) when (FolderProblem.IsFolderFailure(e))
        {
            throw new LocalDataException(
                $"the demo folder {home} cannot be used: {FolderProblem.Describe(home, e)}; choose another with --home", e);
        }
        return reset;
    }

    /// <summary>
    /// Deletes the previous demo while holding the lock of every card image in it, so a card another scc has open
    /// (say 'scc receive --card shop' on the demo's cards) is never pulled from under it: that is refused instead.
    /// </summary>
    private static void RemovePreviousDemo(string home)
    {
        var cards = new CardImageStore(SccHome.CardsDirectory(home));
        var locks = new List<IDisposable>();
        try
        {
            foreach (string name in cards.List())
            {
                try
                {
                    locks.Add(cards.Lock(name));
                }
                catch (CardImageLockedException e)
                {
                    throw new LocalDataException(
                        $"the previous demo in {home} is in use: its card '{name}' is open in another process (lock " +
                        $"{e.LockPath}); stop that scc first, or give this demo another folder with --home", e);
                }
            }
            Directory.Delete(home, recursive: true);
        }
        catch (Exception e) when (FolderProblem.IsFolderFailure(e) && e is not CardImageLockedException)
        {
            throw new LocalDataException(
                $"the previous demo in {home} cannot be removed ({FolderProblem.Describe(home, e)})", e);
        }
        finally
        {
            foreach (IDisposable held in locks)
            {
                held.Dispose();
            }
        }
    }
}
