using SmartCardCash.Emulator;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Output;

/// <summary>How purse values read, in tables and JSON alike.</summary>
internal static class PurseFormats
{
    public static string Class(PurseClass? purseClass) => purseClass switch
    {
        null => "",
        PurseClass.Customer => "customer",
        PurseClass.Merchant => "merchant",
        PurseClass.Bank => "bank",
        PurseClass.Issuer => "issuer",
        _ => $"class {(byte)purseClass:X2}",
    };

    public static string Lifecycle(PurseLifecycle lifecycle) => lifecycle switch
    {
        PurseLifecycle.Personalisation => "personalisation",
        PurseLifecycle.Issued => "issued",
        PurseLifecycle.Blocked => "blocked",
        PurseLifecycle.Terminated => "terminated",
        _ => $"lifecycle {(byte)lifecycle:X2}",
    };

    /// <summary>idle, epr, epv, epa: the protocol's own names.</summary>
    public static string TransferState(TransferState state) => state switch
    {
        Purse.Spec.TransferState.Idle => "idle",
        Purse.Spec.TransferState.ExpectingReq => "epr",
        Purse.Spec.TransferState.ExpectingVal => "epv",
        Purse.Spec.TransferState.ExpectingAck => "epa",
        _ => $"state {(byte)state:X2}",
    };

    public static string TransactionType(TransactionRecordType type) => type switch
    {
        TransactionRecordType.Sent => "sent",
        TransactionRecordType.Received => "received",
        TransactionRecordType.Minted => "minted",
        _ => $"type {(byte)type:X2}",
    };

    public static string ExceptionReason(ExceptionReason reason) => reason switch
    {
        Purse.Spec.ExceptionReason.PayerAbortedInEpa => "payer aborted in epa",
        Purse.Spec.ExceptionReason.PayeeAbortedInEpv => "payee aborted in epv",
        _ => $"reason {(byte)reason:X2}",
    };

    public static string MessageType(MessageType type) => type switch
    {
        Purse.Spec.MessageType.Req => "req",
        Purse.Spec.MessageType.Val => "val",
        Purse.Spec.MessageType.Ack => "ack",
        _ => $"type {(byte)type:X2}",
    };

    public static string Interface(InterfaceProfile profile) => profile switch
    {
        InterfaceProfile.ContactT0 => "contact-t0",
        InterfaceProfile.ContactT1 => "contact-t1",
        InterfaceProfile.Contactless => "contactless",
        _ => profile.ToString(),
    };

    public static string Date(BcdDate? date) => date is { } d ? d.ToString() : "";

    public static MoneyJson Json(Money money) => new(money.Currency.ToString(), money.AmountText, money.MinorUnits);
}
