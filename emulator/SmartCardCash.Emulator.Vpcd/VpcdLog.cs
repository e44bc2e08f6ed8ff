using Microsoft.Extensions.Logging;

namespace SmartCardCash.Emulator.Vpcd;

internal static partial class VpcdLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "slot {Slot} ({Card}): connected to vpcd at {Endpoint}; the card is in the reader")]
    public static partial void Connected(ILogger logger, int slot, string card, string endpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "slot {Slot} ({Card}): cannot reach vpcd at {Endpoint} ({Reason}); is pcscd with vsmartcard-vpcd running? Retrying until detached")]
    public static partial void Unreachable(ILogger logger, int slot, string card, string endpoint, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "slot {Slot} ({Card}): still cannot reach vpcd at {Endpoint} ({Reason}); next try in {Delay}")]
    public static partial void StillUnreachable(ILogger logger, int slot, string card, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "slot {Slot} ({Card}): vpcd dropped the connection ({Reason}); pcscd stopped or restarted? Reconnecting")]
    public static partial void ConnectionLost(ILogger logger, int slot, string card, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "slot {Slot} ({Card}): vpcd control {Control}")]
    public static partial void ControlReceived(ILogger logger, int slot, string card, string control);

    [LoggerMessage(EventId = 6, Level = LogLevel.Trace, Message = "slot {Slot} ({Card}): ATR poll answered {Atr}")]
    public static partial void AtrAnswered(ILogger logger, int slot, string card, string atr);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "slot {Slot} ({Card}): ignoring unknown vpcd control byte {Control:X2}")]
    public static partial void UnknownControl(ILogger logger, int slot, string card, byte control);

    [LoggerMessage(EventId = 8, Level = LogLevel.Trace, Message = "slot {Slot} ({Card}): APDU #{Number} {Command} -> {Response}")]
    public static partial void Exchanged(ILogger logger, int slot, string card, long number, string command, string response);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "slot {Slot} ({Card}): card torn {Point} APDU #{Number} (power lost at a write: {AtWrite}); {Next}")]
    public static partial void Torn(ILogger logger, int slot, string card, VpcdTearPoint point, long number, bool atWrite, string next);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "slot {Slot} ({Card}): card removed from the reader")]
    public static partial void Removed(ILogger logger, int slot, string card);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "slot {Slot} ({Card}): card re-inserted")]
    public static partial void Reinserted(ILogger logger, int slot, string card);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "slot {Slot} ({Card}): applet fault; the card carries on as a real one would (the command gets 6F00)")]
    public static partial void AppletFault(ILogger logger, Exception exception, int slot, string card);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "slot {Slot} ({Card}): stopped by an error; the card stays out of the reader")]
    public static partial void Faulted(ILogger logger, Exception exception, int slot, string card);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "slot {Slot} ({Card}): detached")]
    public static partial void Detached(ILogger logger, int slot, string card);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error, Message = "slot {Slot} ({Card}): did not stop within {Timeout}; the card is still busy with a command")]
    public static partial void StopTimedOut(ILogger logger, int slot, string card, TimeSpan timeout);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "slot {Slot} ({Card}): a {Event} event handler threw; ignored")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, int slot, string card, string @event);

    [LoggerMessage(EventId = 17, Level = LogLevel.Error, Message = "slot {Slot} ({Card}): the response to APDU #{Number} has {Length} bytes, more than a vpcd frame carries; answering 6F00")]
    public static partial void ResponseTooLong(ILogger logger, int slot, string card, long number, int length);

    [LoggerMessage(EventId = 18, Level = LogLevel.Debug, Message = "slot {Slot} ({Card}): APDU to an unpowered card; powering it on first")]
    public static partial void ImplicitPowerOn(ILogger logger, int slot, string card);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "slot {Slot} ({Card}): the slot is still finishing; its card image is closed (and unlocked) when it has")]
    public static partial void CardReleasedLater(ILogger logger, int slot, string card);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "slot {Slot} ({Card}): closing the card image failed")]
    public static partial void CardDisposeFailed(ILogger logger, Exception exception, int slot, string card);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "slot {Slot} ({Card}): {Reason}; waiting until that card leaves")]
    public static partial void Occupied(ILogger logger, int slot, string card, string reason);

    [LoggerMessage(EventId = 19, Level = LogLevel.Information, Message = "slot {Slot} ({Card}): tearing armed: {Tearing}")]
    public static partial void TearingArmed(ILogger logger, int slot, string card, VpcdTearing tearing);
}
