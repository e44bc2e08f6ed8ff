namespace SmartCardCash.Cli;

/// <summary>
/// The process exit codes of <c>scc</c>, in one place so scripts can rely on them. Later commands (payments) add
/// their own codes here; existing values never change meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything worked (and every card answer was 9000).</summary>
    public const int Success = 0;

    /// <summary>The card answered a status word other than 9000.</summary>
    public const int CardError = 1;

    /// <summary>Bad input: unknown command or option, malformed hex, an APDU that cannot exist.</summary>
    public const int UsageError = 2;

    /// <summary>Nothing to talk to: no PC/SC service, no reader, unknown or ambiguous reader, no card, card in use.</summary>
    public const int Unavailable = 3;

    /// <summary>The card was removed, or the exchange with it failed, while the command ran.</summary>
    public const int CommunicationFailure = 4;

    /// <summary>A bug in scc (an exception nobody expected); EX_SOFTWARE in sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT). <c>scc monitor</c> exits 0 instead: stopping is how it ends.</summary>
    public const int Interrupted = 130;
}
