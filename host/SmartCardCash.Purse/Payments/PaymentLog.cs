using Microsoft.Extensions.Logging;

namespace SmartCardCash.Purse.Payments;

internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Purse}: {Command}")]
    public static partial void Sending(ILogger logger, string purse, string command);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Purse}: {Command} got no answer: {Reason}")]
    public static partial void Lost(ILogger logger, string purse, string command, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Purse}: {Command} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string purse, string command, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Purse} is {State}")]
    public static partial void Observed(ILogger logger, string purse, string state);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "recovery round {Round}: {Action}")]
    public static partial void Decided(ILogger logger, int round, RecoveryAction action);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "outcome: {Kind}: {Summary}")]
    public static partial void Concluded(ILogger logger, PaymentOutcomeKind kind, string summary);
}
