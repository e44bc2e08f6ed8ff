using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

/// <summary>
/// Everything a host can read about a purse without its lock code, in one snapshot (<see cref="PurseCard.ReadInfo"/>).
/// Identity, class and pockets are null or empty before the purse certificate is loaded.
/// </summary>
public sealed record PurseInfo(
    ushort AppletVersion,
    PurseId? PurseId,
    IssuerId? IssuerId,
    PurseClass? Class,
    PurseLifecycle Lifecycle,
    TransferState TransferState,
    uint NextSequenceNumber,
    uint IssuerCounter,
    PurseFlags Flags,
    int LockCodeTriesRemaining,
    LogOccupancy ExceptionLog,
    LogOccupancy TransactionLog,
    IReadOnlyList<PocketInfo> Pockets,
    BcdDate? CertificateEffective,
    BcdDate? CertificateExpiry,
    BcdDate TrustedDate)
{
    public IReadOnlyList<CurrencyCode> Currencies => [.. Pockets.Select(p => p.Currency)];

    public bool IsLocked => (Flags & PurseFlags.Locked) != 0;

    public bool IsLockCodeBlocked => (Flags & PurseFlags.LockCodeBlocked) != 0;

    /// <summary>Spec 3.3: the own certificate has expired when its expiry is before the trusted date.</summary>
    public bool IsCertificateExpired => CertificateExpiry is { } expiry && expiry < TrustedDate;
}
