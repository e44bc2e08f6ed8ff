using Microsoft.Extensions.Logging;

namespace SmartCardCash.Cli.Conformance;

/// <summary>The APDU trace of <c>scc conformance --trace</c>.</summary>
internal static partial class ConformanceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Card}: → {Command}  ← {Response}")]
    public static partial void Exchanged(ILogger logger, string card, string command, string response);
}
