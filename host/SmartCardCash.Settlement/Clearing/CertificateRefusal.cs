namespace SmartCardCash.Settlement.Clearing;

/// <summary>Why the bank refused a purse certificate.</summary>
public enum CertificateRefusal
{
    /// <summary>The certificate names another issuer than the bank's.</summary>
    OtherIssuer,

    /// <summary>The issuer's signature on it does not verify.</summary>
    SignatureInvalid,

    /// <summary>It is not a purse certificate by spec 3.3 (an issuer certificate, a bad date or key…).</summary>
    ContentInvalid,

    /// <summary>Another certificate is registered for the same purse ID.</summary>
    Conflict,

    /// <summary>No certificate is registered for the purse, and none was supplied.</summary>
    Unknown,
}
