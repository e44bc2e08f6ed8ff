namespace SmartCardCash.Purse.Spec;

/// <summary>Objects written with PUT DATA during personalisation, by P2 (spec 5.5).</summary>
public enum PersonalisationObject : byte
{
    IssuerCertificate = 0x01,
    PurseCertificate = 0x02,
    PocketLimits = 0x03,
    LockCode = 0x04,
}
