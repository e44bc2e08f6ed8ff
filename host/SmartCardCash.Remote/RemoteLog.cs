using Microsoft.Extensions.Logging;

namespace SmartCardCash.Remote;

internal static partial class RemoteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Kind}: {Message}")]
    public static partial void Event(ILogger logger, PayeeEventKind kind, string message);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Remote}: {Command} -> {StatusWord}")]
    public static partial void Exchanged(ILogger logger, string remote, string command, string statusWord);
}
