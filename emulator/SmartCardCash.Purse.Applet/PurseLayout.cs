using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The purse's persistent memory, field by field, in the order and sizes of the table in spec 8.1. Every offset is
/// derived from the one before, so the layout cannot overlap or leave gaps; <see cref="Size"/> is the spec's total and
/// a test compares <see cref="BudgetRows"/> with the table itself.
/// </summary>
internal static class PurseLayout
{
    /// <summary>Written at install; an unformatted region reads 00.</summary>
    public const byte CurrentVersion = 0x01;

    // header: layout version, lifecycle, class, flags (4)
    public const int LayoutVersion = 0;
    public const int Lifecycle = LayoutVersion + 1;
    public const int PurseClass = Lifecycle + 1;
    /// <summary>Personalisation progress, see <see cref="PersonalisationFlags"/>.</summary>
    public const int Flags = PurseClass + 1;

    // purse ID, issuer ID (12)
    public const int PurseId = Flags + 1;
    public const int IssuerId = PurseId + Spec.PurseId.Length;

    // nextSeq, issuer counter, trusted date, transfer state (12)
    public const int NextSeq = IssuerId + Spec.IssuerId.Length;
    public const int IssuerCounter = NextSeq + 4;
    public const int TrustedDate = IssuerCounter + 4;
    public const int TransferState = TrustedDate + BcdDate.Length;

    // purse key pair (97)
    public const int PrivateKey = TransferState + 1;
    public const int PublicKey = PrivateKey + PurseConstants.PrivateKeyLength;

    // issuer public key (65)
    public const int IssuerPublicKey = PublicKey + PurseConstants.PublicKeyLength;

    // issuer certificate, purse certificate (2 + 200 each)
    public const int CertificateSlotSize = 2 + PurseConstants.MaxCertificateLength;
    public const int IssuerCertificate = IssuerPublicKey + PurseConstants.PublicKeyLength;
    public const int PurseCertificate = IssuerCertificate + CertificateSlotSize;

    // pockets: 5 × (currency 2, balance 4, maximum 4, transaction limit 4, contactless limit 4) + count (91)
    public const int PocketSize = CurrencyCode.Length + 4 + 4 + 4 + 4;
    public const int PocketCurrency = 0;
    public const int PocketBalance = PocketCurrency + CurrencyCode.Length;
    public const int PocketMaximum = PocketBalance + 4;
    public const int PocketTransactionLimit = PocketMaximum + 4;
    public const int PocketContactlessLimit = PocketTransactionLimit + 4;
    public const int Pockets = PurseCertificate + CertificateSlotSize;
    public const int PocketCount = Pockets + PurseConstants.MaxPockets * PocketSize;

    // pdAuth, peer key, peer class (129)
    public const int PdAuth = PocketCount + 1;
    public const int PeerKey = PdAuth + PaymentDetails.Length;
    public const int PeerClass = PeerKey + PurseConstants.PublicKeyLength;

    // pending log: type, PD, signature length, signature (137)
    public const int PendingType = PeerClass + 1;
    public const int PendingDetails = PendingType + 1;
    public const int PendingSignatureLength = PendingDetails + PaymentDetails.Length;
    public const int PendingSignature = PendingSignatureLength + 1;

    // exception log: count + 16 × 64 (1025)
    public const int ExceptionLogCount = PendingSignature + PurseConstants.MaxSignatureLength;
    public const int ExceptionLogRecords = ExceptionLogCount + 1;

    // transaction log: count, head + 10 × 68 (682)
    public const int TransactionLogCount = ExceptionLogRecords + PurseConstants.ExceptionLogCapacity * ExceptionRecord.Length;
    /// <summary>Slot that the next record goes into (a ring of 10).</summary>
    public const int TransactionLogHead = TransactionLogCount + 1;
    public const int TransactionLogRecords = TransactionLogHead + 1;

    // lock code: length, code (8), limit, remaining, locked (12)
    public const int LockCodeLength = TransactionLogRecords + PurseConstants.TransactionLogCapacity * TransactionRecord.Length;
    public const int LockCode = LockCodeLength + 1;
    public const int LockCodeLimit = LockCode + PurseConstants.MaxLockCodeLength;
    public const int LockCodeRemaining = LockCodeLimit + 1;
    public const int Locked = LockCodeRemaining + 1;

    /// <summary>The whole layout: 2 670 bytes, the total of spec 8.1.</summary>
    public const int Size = Locked + 1;

    /// <summary>The rows of the spec 8.1 table as this layout implements them: (first field offset, bytes).</summary>
    public static IReadOnlyList<(string Item, int Offset, int Bytes)> BudgetRows { get; } =
    [
        ("header: layout version, lifecycle, class, flags", LayoutVersion, PurseId - LayoutVersion),
        ("purse ID, issuer ID", PurseId, NextSeq - PurseId),
        ("nextSeq, issuer counter, trusted date, transfer state", NextSeq, PrivateKey - NextSeq),
        ("purse key pair (private 32, public 65)", PrivateKey, IssuerPublicKey - PrivateKey),
        ("issuer public key", IssuerPublicKey, IssuerCertificate - IssuerPublicKey),
        ("issuer certificate (length 2 + up to 200)", IssuerCertificate, PurseCertificate - IssuerCertificate),
        ("purse certificate (length 2 + up to 200)", PurseCertificate, Pockets - PurseCertificate),
        ("pockets: 5 × (currency 2, balance 4, maximum 4, transaction limit 4, contactless limit 4) + count", Pockets, PdAuth - Pockets),
        ("pdAuth, peer key, peer class", PdAuth, PendingType - PdAuth),
        ("pending log: type, PD, signature length, signature (72)", PendingType, ExceptionLogCount - PendingType),
        ("exception log: count + 16 × 64", ExceptionLogCount, TransactionLogCount - ExceptionLogCount),
        ("transaction log: count, head + 10 × 68", TransactionLogCount, LockCodeLength - TransactionLogCount),
        ("lock code: length, code (8), limit, remaining, locked", LockCodeLength, Size - LockCodeLength),
    ];
}
