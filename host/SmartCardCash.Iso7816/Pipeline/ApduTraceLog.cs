using Microsoft.Extensions.Logging;

namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>The trace's log messages, generated at compile time so disabled tracing costs nothing.</summary>
internal static partial class ApduTraceLog
{
    [LoggerMessage(EventId = 1, EventName = "ApduCommand", Message = "→ {Command}  ({Summary})  [{Channel}]")]
    public static partial void Command(ILogger logger, LogLevel level, string command, string summary, string channel);

    [LoggerMessage(EventId = 2, EventName = "ApduResponse", Message = "← {Response}  ({ElapsedMs} ms)")]
    public static partial void Response(ILogger logger, LogLevel level, string response, string elapsedMs);

    [LoggerMessage(EventId = 3, EventName = "ApduFailure",
        Message = "✗ {ExceptionType}: {Reason}  ({ElapsedMs} ms)  [{Channel}]")]
    public static partial void Failure(ILogger logger, LogLevel level, string exceptionType, string reason,
        string elapsedMs, string channel);
}
