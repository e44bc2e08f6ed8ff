namespace SmartCardCash.Purse.Spec;

/// <summary>BER-TLV tags of the purse application (spec 2.2). Two-byte tags are written as their 16-bit value.</summary>
public static class PurseTag
{
    public const ushort PurseId = 0x80;
    public const ushort PurseClass = 0x81;
    public const ushort Currency = 0x82;
    public const ushort Amount = 0x83;
    public const ushort SequenceNumber = 0x84;
    public const ushort OrderDigest = 0x85;
    public const ushort PublicKeyPoint = 0x86;
    public const ushort LifecycleState = 0x87;
    public const ushort TransferState = 0x88;
    public const ushort IssuerCounter = 0x89;
    public const ushort LockCode = 0x8A;
    public const ushort Tries = 0x8B;
    public const ushort MaximumBalance = 0x8C;
    public const ushort TransactionLimit = 0x8D;
    public const ushort ContactlessLimit = 0x8E;
    public const ushort RecordIndex = 0x8F;
    public const ushort LogDigest = 0x90;
    public const ushort Date = 0x91;
    public const ushort PurseFlags = 0x92;
    public const ushort ExceptionLogOccupancy = 0x93;
    public const ushort AppletVersion = 0x94;
    public const ushort IssuerId = 0x95;
    public const ushort Currencies = 0x96;
    public const ushort EffectiveDate = 0x97;
    public const ushort ExpiryDate = 0x98;
    public const ushort CertificateProfile = 0x99;
    public const ushort MessageType = 0x9A;
    public const ushort TransactionLogOccupancy = 0x9B;
    public const ushort Signature = 0x9E;
    public const ushort PaymentDetails = 0xC0;
    public const ushort ExceptionRecord = 0xC3;
    public const ushort TransactionRecord = 0xC4;
    public const ushort Pocket = 0xA0;
    public const ushort ProprietaryFci = 0xA5;
    public const ushort Fci = 0x6F;

    /// <summary>DF name (the AID), inside <see cref="Fci"/> only; everywhere else 84 is a sequence number.</summary>
    public const ushort DfName = 0x84;

    public const ushort Certificate = 0x7F21;
    public const ushort CertificateBody = 0x7F4E;
    public const ushort PublicKey = 0x7F49;
}
