namespace SmartCardCash.Purse.Spec;

/// <summary>Objects read with GET DATA, by P2 (spec 5.3).</summary>
public enum PurseDataObject : byte
{
    Status = 0x01,
    Balances = 0x02,
    PurseCertificate = 0x03,
    IssuerCertificate = 0x04,
    PocketLimits = 0x05,
    PendingTransfer = 0x06,
}
