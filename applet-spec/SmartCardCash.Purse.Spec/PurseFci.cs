namespace SmartCardCash.Purse.Spec;

/// <summary>The SELECT response (spec 5.1). Purse ID and class are null before the purse certificate is loaded.</summary>
public sealed record PurseFci(
    ushort AppletVersion,
    PurseLifecycle Lifecycle,
    PurseId? PurseId,
    PurseClass? PurseClass,
    TransferState TransferState,
    uint NextSequenceNumber);
