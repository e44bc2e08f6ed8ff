using Microsoft.Extensions.Logging;

namespace SmartCardCash.Emulator;

internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "card powered on ({Interface}); recovery replayed a committed transaction: {Replayed}")]
    public static partial void PoweredOn(ILogger logger, InterfaceProfile @interface, bool replayed);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "card powered off")]
    public static partial void PoweredOff(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "card lost power: {Reason}")]
    public static partial void PowerLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "C-APDU {Command} -> R-APDU {Response}")]
    public static partial void Exchanged(ILogger logger, string command, string response);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "applet {Aid} failed in {Phase}; answering 6F00")]
    public static partial void AppletFailed(ILogger logger, Exception exception, string aid, string phase);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "applet {Aid} left a transaction open after {Phase}; the runtime aborted it")]
    public static partial void TransactionLeftOpen(ILogger logger, string aid, string phase);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "installed applet {Aid} ({AppletType}, {RegionSize} bytes)")]
    public static partial void Installed(ILogger logger, string aid, string appletType, int regionSize);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "applet {Aid}: persistent memory failed ({Reason}); answering 6581, transaction aborted")]
    public static partial void MemoryFailed(ILogger logger, string aid, string reason);
}
