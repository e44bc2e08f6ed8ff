namespace SmartCardCash.Purse.Spec;

/// <summary>Class and instruction bytes of every purse command (spec section 5).</summary>
public static class PurseInstruction
{
    /// <summary>CLA of every purse command.</summary>
    public const byte ProprietaryClass = 0x80;

    /// <summary>CLA of SELECT and GET RESPONSE.</summary>
    public const byte InterindustryClass = 0x00;

    // CLA 00
    public const byte Select = 0xA4;
    public const byte GetResponse = 0xC0;

    // CLA 80: reading and personalisation
    public const byte GetData = 0xCA;
    public const byte GenerateKeyPair = 0x46;
    public const byte PutData = 0xDA;
    public const byte Activate = 0x44;
    public const byte VerifyCertificate = 0x2A;

    // CLA 80: the value-transfer protocol
    public const byte StartFrom = 0x50;
    public const byte StartTo = 0x52;
    public const byte Req = 0x54;
    public const byte Val = 0x56;
    public const byte Ack = 0x58;
    public const byte Abort = 0x5A;
    public const byte Resume = 0x5C;
    public const byte ReadLog = 0xB2;

    // CLA 80: lock code
    public const byte VerifyLockCode = 0x20;
    public const byte ChangeLockCode = 0x24;
    public const byte Lock = 0x28;
    public const byte Unlock = 0x26;

    // CLA 80: issuer-authorised
    public const byte Mint = 0x40;
    public const byte ClearExceptionLog = 0x5E;
    public const byte Deactivate = 0x04;
    public const byte Terminate = 0xE6;
    public const byte ResetLockCode = 0x2C;

    /// <summary>P2 of VERIFY CERTIFICATE (spec 5.7).</summary>
    public const byte VerifyCertificateP2 = 0xBE;
}
