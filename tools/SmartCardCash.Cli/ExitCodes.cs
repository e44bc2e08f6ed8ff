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

    /// <summary>
    /// Bad input: unknown command or option, malformed hex, an APDU that cannot exist, a card name taken. Also what a
    /// different command line fixes: refused without --force (an issuer that already exists, deleting a card that
    /// holds value, exception records or a transfer); a request the bank refused as invalid or conflicting (HTTP 400,
    /// 404, 409, 413, 415: an unknown account, a request ID used for another request).
    /// </summary>
    public const int UsageError = 2;

    /// <summary>
    /// Nothing to talk to: no PC/SC service, no reader, unknown or ambiguous reader, no card, card in use; the bank cannot be
    /// reached, or its database is down (HTTP 503, or <c>scc bank serve</c> cannot open it).
    /// </summary>
    public const int Unavailable = 3;

    /// <summary>The card was removed, or the exchange with it failed, while the command ran.</summary>
    public const int CommunicationFailure = 4;

    /// <summary>
    /// A payment (or its recovery) did not complete and value is held or logged: debited and in the payer's pending log
    /// (interrupted; <c>scc recover</c> finishes it), or aborted into the payer's exception log for the bank. Also a
    /// command that would abort a transfer in progress (<c>scc log --exceptions</c>, <c>scc mint</c>) without
    /// <c>--abort-transfer</c>: the purse is in exactly that interrupted state.
    /// </summary>
    public const int PaymentInterrupted = 5;

    /// <summary>
    /// Refused for security: a hotlisted purse, a certificate not from the trusted issuer, expired or refused by a purse; the
    /// bank refused the API key (HTTP 401: missing, malformed, unknown or revoked; 403: a role or account it may not act for).
    /// </summary>
    public const int SecurityRefusal = 6;

    /// <summary>
    /// A local data problem: a card image damaged, unreadable or in use by another process, a card image or a mint
    /// journal that cannot be written, a completed payment whose evidence the payment journal could not keep (the value
    /// moved; only the evidence is missing), the issuer's key missing, unreadable or open to other users, a home folder that
    /// cannot be used; any file the operating system refuses (permission denied, a full disk). "No issuer yet" is one
    /// too (the fix is a command, <c>scc issuer init</c>, not a different command line). The message names the path.
    /// </summary>
    public const int LocalData = 7;

    /// <summary><c>scc bank audit</c>: the books do not balance (the audit's findings are listed).</summary>
    public const int BooksUnbalanced = 8;

    /// <summary>A bug in scc (an exception nobody expected); EX_SOFTWARE in sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT). <c>scc monitor</c> exits 0 instead: stopping is how it ends.</summary>
    public const int Interrupted = 130;
}
