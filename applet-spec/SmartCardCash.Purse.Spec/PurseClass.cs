namespace SmartCardCash.Purse.Spec;

/// <summary>Purse classes (spec 2.1, 6.4).</summary>
public enum PurseClass : byte
{
    Customer = 0x01,
    Merchant = 0x02,
    Bank = 0x03,
    /// <summary>Only in the issuer's self-signed certificate.</summary>
    Issuer = 0x7F,
}
