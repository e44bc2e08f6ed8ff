using System.Diagnostics;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.LocalData;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Cli;

/// <summary>
/// Everything a command touches outside itself: the two output streams, PC/SC, the environment, the clock and the
/// interrupt signal. <see cref="Program"/> fills it from the real process; tests fill it with fakes.
/// </summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    private CrashInjection? _crash;

    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    /// <summary>
    /// The PC/SC every command goes through, under the host's own classes (<see cref="Pcsc.PcscContext"/>,
    /// <see cref="Pcsc.PcscCard"/>, <see cref="Pcsc.Monitoring.PcscMonitor"/>): the native binding, or a test's fake.
    /// </summary>
    public IPcscApi Pcsc { get; init; } = PcscApiFactory.Create();

    /// <summary>Looks up an environment variable; injectable so tests never change the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Cancelled by the first Ctrl+C (or SIGTERM).</summary>
    public CancellationToken Interrupt { get; init; }

    /// <summary>Whether stdout is a terminal: colours and the terminal's width for tables.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Standard input: where <c>--code -</c> reads a lock code from.</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;

    /// <summary>Whether standard input is a terminal, so a lock code may be asked for at a hidden prompt.</summary>
    public bool IsInputTerminal { get; init; }

    /// <summary>Asks for a secret at a prompt without echoing it; null when there is no way to.</summary>
    public Func<string, string?>? ReadSecret { get; init; }

    /// <summary>
    /// Called on every <see cref="CardOpener"/> a command builds, after the built-in openers: the place where other kinds
    /// of card (the remote tcp:// channel) register theirs.
    /// </summary>
    public Action<CardOpener>? ConfigureCards { get; init; }

    /// <summary>What <see cref="CrashInjection"/> does at its point: SIGKILL this process. Tests put an exception there.</summary>
    public Action CrashProcess { get; init; } = () => Process.GetCurrentProcess().Kill();

    /// <summary>The crash point this run's environment asks for (none by default), one count for all its cards.</summary>
    /// <exception cref="Errors.UsageException">SCC_CRASH_BEFORE_APDU or SCC_CRASH_AFTER_APDU is not a command number.</exception>
    public CrashInjection Crash => _crash ??= CrashInjection.FromEnvironment(GetEnvironmentVariable, CrashProcess);

    /// <summary>$SCC_HOME (as this context's environment says), or ~/.local/share/smartcardcash.</summary>
    public string Home => SccHome.Resolve(GetEnvironmentVariable);
}
