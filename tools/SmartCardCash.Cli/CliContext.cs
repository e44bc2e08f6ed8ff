using SmartCardCash.Cli.Pcsc;

namespace SmartCardCash.Cli;

/// <summary>
/// Everything a command touches outside itself: the two output streams, PC/SC, the environment, the clock and the
/// interrupt signal. <see cref="Program"/> fills it from the real process; tests fill it with fakes.
/// </summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    public IPcscService Pcsc { get; init; } = new PcscService();

    /// <summary>Looks up an environment variable; injectable so tests never change the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Cancelled by the first Ctrl+C (or SIGTERM).</summary>
    public CancellationToken Interrupt { get; init; }

    /// <summary>
    /// How long <c>scc apdu</c> watches for the card to disappear after an exchange failed, to tell "card removed"
    /// from other failures (pcscd notices a removal within about half a second).
    /// </summary>
    public TimeSpan CardRemovalGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether stdout is a terminal: colours and the terminal's width for tables.</summary>
    public bool IsTerminal { get; init; }
}
