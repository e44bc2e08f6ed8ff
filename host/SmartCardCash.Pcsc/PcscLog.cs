using Microsoft.Extensions.Logging;

namespace SmartCardCash.Pcsc;

/// <summary>The diagnostic messages of this library, as source-generated logger calls.</summary>
internal static partial class PcscLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "PC/SC context established (scope {Scope})")]
    public static partial void ContextEstablished(ILogger logger, PcscScope scope);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "PC/SC context released")]
    public static partial void ContextReleased(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Releasing the PC/SC context failed: {Reason}")]
    public static partial void ReleaseFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Disconnecting from '{Reader}' failed: {Reason}")]
    public static partial void DisconnectFailed(ILogger logger, string reader, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Ending the transaction on '{Reader}' failed: {Reason}")]
    public static partial void EndTransactionFailed(ILogger logger, string reader, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug,
        Message = "'{Reader}' answered {Length} bytes and the card is gone: it was removed during the command")]
    public static partial void CardLeftDuringCommand(ILogger logger, string reader, int length);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Reader monitor started")]
    public static partial void MonitorStarted(ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Reader monitor stopped")]
    public static partial void MonitorStopped(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "PC/SC service lost: {Reason}")]
    public static partial void ServiceLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "PC/SC service unavailable ({Reason}); retrying in {Delay}")]
    public static partial void RetryingService(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "PC/SC service available again")]
    public static partial void ServiceRestored(ILogger logger);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Reader hot-plug notification supported: {Supported}")]
    public static partial void PnpSupport(ILogger logger, bool supported);

    [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "A reader monitor event handler threw")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Reader monitor error: {Reason}")]
    public static partial void MonitorError(ILogger logger, string reason);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning,
        Message = "The reader monitor thread did not stop within {Timeout}; it will end on its own")]
    public static partial void StopTimedOut(ILogger logger, TimeSpan timeout);
}
