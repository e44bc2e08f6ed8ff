using System.CommandLine;
using Microsoft.Extensions.Logging;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Pcsc;
using SmartCardCash.Purse;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// One run of a command, opened the way every command opens: the global options read (--json, --trace, --verbose) and
/// the loggers made on stderr. Through it a command reaches cards the way every command does (without the readers
/// SCC_IGNORE_READERS leaves out, with the APDU trace and the crash point) and writes its result as JSON or as text,
/// so that the command says only what is its own. Disposing it disposes the loggers, after what was opened through it.
/// </summary>
internal sealed class CommandRun : IDisposable
{
    private ILoggerFactory? _logging;
    private IAnsiConsole? _console;

    private CommandRun(CliContext context, ParseResult parseResult, OutputSettings settings)
    {
        Context = context;
        ParseResult = parseResult;
        Settings = settings;
    }

    public CliContext Context { get; }

    public ParseResult ParseResult { get; }

    public OutputSettings Settings { get; }

    /// <summary>The loggers, made when first asked for; without --trace and --verbose they log nothing.</summary>
    public ILoggerFactory Logging => _logging ??= CliLogging.Create(Settings, Context);

    /// <summary>The APDU trace with --trace; null without.</summary>
    public ILogger? Trace => Settings.Trace ? Logging.CreateLogger(CliLogging.TraceCategory) : null;

    /// <summary>The PC/SC library's diagnostics (shown with --verbose).</summary>
    public ILogger PcscLogger => Logging.CreateLogger(CliLogging.PcscCategory);

    /// <summary>The readers to leave out, as SCC_IGNORE_READERS and pcsc-lite's own variable say.</summary>
    public ReaderFilter ReaderFilter => ReaderFilter.FromEnvironment(Context.GetEnvironmentVariable);

    /// <summary>Tables and text on stdout: colours and the real width on a terminal, plain text otherwise.</summary>
    public IAnsiConsole Console => _console ??= ConsoleFactory.Create(Context.Stdout, Context.IsTerminal);

    /// <summary>The action of a command: <paramref name="execute"/> in a run of its own, disposed when it ends.</summary>
    public static Func<ParseResult, int> Action(GlobalOptions globals, CliContext context, Func<CommandRun, int> execute) =>
        parseResult =>
        {
            using var run = new CommandRun(context, parseResult, globals.Read(parseResult));
            return execute(run);
        };

    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>The card a --card option (<see cref="CardOption"/>) names, else SCC_CARD; neither, or a malformed address, is a usage error.</summary>
    public CardAddress ResolveCard(Option<string?> card) => CardOption.Resolve(Get(card), Context.GetEnvironmentVariable);

    /// <summary>A PC/SC context of the user's scope, for the commands that talk to readers themselves.</summary>
    public PcscContext EstablishPcsc() => PcscContext.Establish(Context.Pcsc, PcscScope.User, PcscLogger);

    /// <summary>How the commands reach cards: emulated ones in the home, PC/SC readers, and what the context adds.</summary>
    public CardOpener CreateOpener()
    {
        var pcsc = new PcscCardSource(Context.Pcsc, PcscLogger, ReaderFilter.IsIgnored);
        var opener = new CardOpener(EmulatedCardStore.ForHome(Context.Home), pcsc);
        Context.ConfigureCards?.Invoke(opener);
        return opener;
    }

    /// <summary>Opens the card and its purse (not yet selected), with the APDU trace when --trace is on.</summary>
    public PurseConnection OpenPurse(CardAddress address)
    {
        CardConnection card = CreateOpener().Open(address);
        try
        {
            // The crash point sits below the trace, so the last line --trace prints is the command it stopped at.
            return new PurseConnection(card, PurseCard.Open(Context.Crash.Watch(card.Channel), card.DisplayName, Trace));
        }
        catch
        {
            card.Dispose();
            throw;
        }
    }

    /// <summary>Writes the result: <paramref name="document"/> with --json, else the text <paramref name="writeText"/> writes.</summary>
    public void Write<T>(T document, Action writeText)
    {
        if (Settings.Json)
        {
            JsonOutput.WriteDocument(Context.Stdout, document);
        }
        else
        {
            writeText();
        }
    }

    public void Dispose() => _logging?.Dispose();
}
