namespace SmartCardCash.Purse.Conformance;

/// <summary>
/// An issuer for tests and vectors: its ID, key, self-signed certificate; it certifies purses and signs issuer
/// authorisations. Signatures are RFC 6979, so everything it produces is reproducible.
/// </summary>
public sealed class TestIssuer
{
    public TestIssuer(IssuerId id, P256KeyPair key, BcdDate effective, BcdDate expiry)
    {
        ArgumentNullException.ThrowIfNull(key);
        Id = id;
        Key = key;
        Certificate = PurseCertificate.Issue(CertificateBody.ForIssuer(id, effective, expiry, key.PublicKey), key.PrivateKey);
    }

    /// <summary>Issuer <c>5CC00001</c>, key "issuer", certificate valid 2025-01-01 to 2035-12-31.</summary>
    public static TestIssuer Default { get; } = new(new IssuerId(0x5CC0_0001), ConformanceKeys.Issuer,
        BcdDate.FromDate(2025, 1, 1), BcdDate.FromDate(2035, 12, 31));

    /// <summary>Another issuer (ID <c>5CC00002</c>, key "foreign-issuer"), whose purses a card of <see cref="Default"/> refuses.</summary>
    public static TestIssuer Foreign { get; } = new(new IssuerId(0x5CC0_0002), ConformanceKeys.ForeignIssuer,
        BcdDate.FromDate(2025, 1, 1), BcdDate.FromDate(2035, 12, 31));

    public IssuerId Id { get; }

    public P256KeyPair Key { get; }

    public PurseCertificate Certificate { get; }

    public PurseCertificate Certify(PurseId holder, PurseClass purseClass, IReadOnlyList<CurrencyCode> currencies,
        BcdDate effective, BcdDate expiry, ReadOnlySpan<byte> publicKey) =>
        PurseCertificate.Issue(CertificateBody.ForPurse(Id, holder, purseClass, currencies, effective, expiry, publicKey),
            Key.PrivateKey);

    /// <summary>Signs any body as is (also bodies a careful issuer would refuse to sign: for negative tests).</summary>
    public PurseCertificate SignBody(CertificateBody body) => PurseCertificate.Issue(body, Key.PrivateKey);

    public CommandApdu Authorise(IssuerAuthorisation authorisation)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        return authorisation.ToSignedCommand(Key.PrivateKey);
    }
}
