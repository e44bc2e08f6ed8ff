using Microsoft.Extensions.Logging;

namespace SmartCardCash.Cli.Attach;

/// <summary>The diagnostics of <c>scc emulator attach</c>: the APDU trace (--trace) and PC/SC notes (--verbose).</summary>
internal static partial class AttachLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "slot {Slot} {Card} #{Number}: → {Command}  ← {Response}")]
    public static partial void Exchanged(ILogger logger, int slot, string card, long number, string command, string response);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "No PC/SC context to hold while attached ({Reason}); a pcscd started with --auto-exit may quit and drop the cards")]
    public static partial void NoPcscContext(ILogger logger, string reason);
}
