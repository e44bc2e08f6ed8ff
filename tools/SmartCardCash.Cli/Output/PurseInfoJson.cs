namespace SmartCardCash.Cli.Output;

/// <summary><c>scc info --json</c>: everything readable without the lock code. Identity fields are null before personalisation.</summary>
internal sealed record PurseInfoJson(
    string Card,
    string Address,
    string AppletVersion,
    string? PurseId,
    string? IssuerId,
    string? Class,
    string Lifecycle,
    string TransferState,
    uint NextSequenceNumber,
    uint IssuerCounter,
    bool Locked,
    bool LockCodeVerified,
    bool LockCodeBlocked,
    int LockCodeTries,
    LogOccupancyJson ExceptionLog,
    LogOccupancyJson TransactionLog,
    IReadOnlyList<PocketJson> Pockets,
    string? CertificateEffective,
    string? CertificateExpiry,
    bool CertificateExpired,
    string TrustedDate);
