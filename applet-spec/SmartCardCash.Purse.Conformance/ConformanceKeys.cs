namespace SmartCardCash.Purse.Conformance;

/// <summary>
/// The fixed test keys of the conformance vectors (also written into the vector file). Each private key is
/// SHA-256("SmartCardCash conformance test key " + name); they sign nothing but test data.
/// </summary>
public static class ConformanceKeys
{
    public const string IssuerHex = "70C87EC767F2A22F8BADC1C65E93C1310D85FA6C58B2B8E3A33EA2C9C4023CA8";
    public const string ForeignIssuerHex = "DAD1594F4E8D79AC2B71646374AEAEA684C8168438C1314C75EE8C909B96955E";
    public const string Customer1Hex = "9DE1440284A764B3C04121E3E21EBACC2BCB1B8DA912C333F87D055D2D9CC57E";
    public const string Customer2Hex = "8FE2C89B7A02AD9310C802EBC2A1514D7C09522FFC95C6D66F998F4CB6573147";
    public const string Merchant1Hex = "F980456FBCBD589288B3B05E27FEB4AA8288952C25E0F236E2513DC5E176F129";
    public const string Bank1Hex = "07AE7E1F0D9AD1F266429EB1123AA78F9712EC54B10C4A4E5748794A35080FA4";
    public const string StrangerHex = "C06E2FEEEB2BC207E326ACDCD06ED3EB129A06036E449E54777E533281252EEB";

    /// <summary>Signs the issuer certificate, the purse certificates and every issuer authorisation.</summary>
    public static P256KeyPair Issuer { get; } = P256KeyPair.FromPrivateKeyHex(IssuerHex);

    /// <summary>An issuer the card does not trust.</summary>
    public static P256KeyPair ForeignIssuer { get; } = P256KeyPair.FromPrivateKeyHex(ForeignIssuerHex);

    public static P256KeyPair Customer1 { get; } = P256KeyPair.FromPrivateKeyHex(Customer1Hex);

    public static P256KeyPair Customer2 { get; } = P256KeyPair.FromPrivateKeyHex(Customer2Hex);

    public static P256KeyPair Merchant1 { get; } = P256KeyPair.FromPrivateKeyHex(Merchant1Hex);

    public static P256KeyPair Bank1 { get; } = P256KeyPair.FromPrivateKeyHex(Bank1Hex);

    /// <summary>A key no certificate vouches for: forged messages.</summary>
    public static P256KeyPair Stranger { get; } = P256KeyPair.FromPrivateKeyHex(StrangerHex);

    /// <summary>Name and key, in the order the vector file lists them.</summary>
    public static IReadOnlyList<(string Name, P256KeyPair Key)> All { get; } =
    [
        ("issuer", Issuer),
        ("foreign-issuer", ForeignIssuer),
        ("customer-1", Customer1),
        ("customer-2", Customer2),
        ("merchant-1", Merchant1),
        ("bank-1", Bank1),
        ("stranger", Stranger),
    ];
}
