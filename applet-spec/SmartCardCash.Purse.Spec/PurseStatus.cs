namespace SmartCardCash.Purse.Spec;

/// <summary>GET DATA 01, the purse status (spec 5.3). Class, purse ID and issuer ID are null before the purse certificate.</summary>
public sealed record PurseStatus(
    PurseLifecycle Lifecycle,
    PurseClass? PurseClass,
    PurseId? PurseId,
    IssuerId? IssuerId,
    TransferState TransferState,
    uint NextSequenceNumber,
    uint IssuerCounter,
    PurseFlags Flags,
    int LockCodeTriesRemaining,
    int ExceptionLogCount,
    int ExceptionLogCapacity,
    int TransactionLogCount,
    int TransactionLogCapacity,
    BcdDate TrustedDate);
