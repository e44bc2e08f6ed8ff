using SmartCardCash.BankApi;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Pcsc.Errors;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Cli.Errors;

/// <summary>
/// Turns any exception that ends a command into its exit code and exactly one plain line on stderr
/// ("scc: …"); the stack trace follows only with --verbose.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter stderr, bool verbose, bool interrupted)
    {
        var (exitCode, message) = Classify(exception, interrupted);
        stderr.WriteLine($"scc: {message}");
        if (verbose)
        {
            stderr.WriteLine(exception.ToString());
        }
        return exitCode;
    }

    /// <summary>The exit code and the message line (without the "scc: " prefix) for an exception.</summary>
    public static (int ExitCode, string Message) Classify(Exception exception, bool interrupted)
    {
        string message = OneLine(exception.Message);
        return exception switch
        {
            OperationCanceledException when interrupted => (ExitCodes.Interrupted, "interrupted"),
            UsageException => (ExitCodes.UsageError, message),
            ApduFormatException => (ExitCodes.UsageError, message),
            CardExchangeException or MintOutcomeUnknownException => (ExitCodes.CommunicationFailure, message),
            IssuerNotFoundException => (ExitCodes.LocalData, $"{message}: run 'scc issuer init' to create one"),
            LocalDataException => (ExitCodes.LocalData, message),
            TransferInProgressException => (ExitCodes.PaymentInterrupted, message),
            HotlistRefusedException => (ExitCodes.SecurityRefusal, message),
            BankUnreachableException or BankStorageException => (ExitCodes.Unavailable, message),
            BankApiException e => (BankExitCode(e), BankMessage(e)),
            CardStatusException => (ExitCodes.CardError, message),
            CardServiceUnavailableException or ReaderUnavailableException or NoCardException
                or PcscSharingViolationException => (ExitCodes.Unavailable, message),
            // An emulated card whose image cannot be saved stops answering: the fix is the folder, not the card.
            SmartCardException { InnerException: CardImageSaveException } => (ExitCodes.LocalData, message),
            SmartCardException or PcscCancelledException => (ExitCodes.CommunicationFailure, message),
            // A file the operating system refused that no store turned into local data (permissions, a full disk): the
            // user can fix it, so it is never an internal error. .NET's message names the path.
            UnauthorizedAccessException or IOException => (ExitCodes.LocalData, message),
            _ => (ExitCodes.InternalError,
                $"internal error: {exception.GetType().Name}: {message} (--verbose shows where)"),
        };
    }

    /// <summary>The bank's refusals by HTTP status: the key (401, 403) or a signature or certificate it refused (422 with
    /// those reasons), the bank or its database (503, 5xx), else the request.</summary>
    private static int BankExitCode(BankApiException e) => e.Status switch
    {
        401 or 403 => ExitCodes.SecurityRefusal,
        422 when e.Problem.Reason is "SignatureInvalid" or "CertificateRefused" => ExitCodes.SecurityRefusal,
        >= 500 => ExitCodes.Unavailable,
        _ => ExitCodes.UsageError,
    };

    /// <summary>"the bank refused …: DETAIL" with the field at fault, as one line.</summary>
    private static string BankMessage(BankApiException e) =>
        $"the bank refused the request{(e.Problem.Field is { } field && !e.Message.StartsWith(field, StringComparison.Ordinal) ? $" ({field})" : "")}: " +
        OneLine(e.Message);

    /// <summary>Messages are sentences; on one line, without the final full stop, they read as "scc: what went wrong".</summary>
    internal static string OneLine(string message)
    {
        string line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.EndsWith('.') && !line.EndsWith("..", StringComparison.Ordinal) ? line[..^1] : line;
    }
}
