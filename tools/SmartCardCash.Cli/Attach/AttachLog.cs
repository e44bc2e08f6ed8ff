using Microsoft.Extensions.Logging;

namespace SmartCardCash.Cli.Attach;

/// <summary>The APDU trace of <c>scc emulator attach --trace</c>.</summary>
internal static partial class AttachLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "slot {Slot} {Card} #{Number}: → {Command}  ← {Response}")]
    public static partial void Exchanged(ILogger logger, int slot, string card, long number, string command, string response);
}
