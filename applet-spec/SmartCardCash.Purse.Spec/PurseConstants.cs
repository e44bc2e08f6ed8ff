namespace SmartCardCash.Purse.Spec;

/// <summary>Sizes and bounds fixed by the specification.</summary>
public static class PurseConstants
{
    /// <summary>Pockets per purse, one per certificate currency (spec 6.2).</summary>
    public const int MaxPockets = 5;

    /// <summary>Exception-log capacity in records (spec 4.6).</summary>
    public const int ExceptionLogCapacity = 16;

    /// <summary>Transaction-log capacity in records (spec 4.8).</summary>
    public const int TransactionLogCapacity = 10;

    /// <summary><c>FFFF FFFF</c>: a start with nextSeq equal to this is refused with 9407 (spec 4.5).</summary>
    public const uint SequenceNumberBound = 0xFFFF_FFFF;

    /// <summary>The issuer counter never wraps: at this value no issuer command is accepted (spec 7.1).</summary>
    public const uint IssuerCounterBound = 0xFFFF_FFFF;

    public const int MinLockCodeLength = 4;
    public const int MaxLockCodeLength = 8;
    public const int MinLockCodeTries = 1;
    public const int MaxLockCodeTries = 15;

    /// <summary>Room for a stored certificate (spec 8.1); real ones are at most 195 bytes (3.3).</summary>
    public const int MaxCertificateLength = 200;

    /// <summary>Shortest and longest DER ECDSA P-256 signature (tag 9E).</summary>
    public const int MinSignatureLength = 8;
    public const int MaxSignatureLength = 72;

    public const int PublicKeyLength = 65;
    public const int PrivateKeyLength = 32;
    public const int DigestLength = 32;

    /// <summary>The only certificate profile of version 1.</summary>
    public const byte CertificateProfile = 0x01;
}
