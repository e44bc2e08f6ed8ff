namespace SmartCardCash.Purse.Conformance;

/// <summary>
/// The counterparties the vectors simulate, all certified by <see cref="TestIssuer.Default"/> unless said otherwise,
/// valid 2025-01-01 to 2030-12-31. Their messages in the vectors are precomputed (RFC 6979).
/// </summary>
public static class ConformancePeers
{
    private static readonly TestIssuer Issuer = TestIssuer.Default;
    private static readonly CurrencyCode Eur = Currency.Eur.Code;
    private static readonly CurrencyCode Gbp = Currency.Gbp.Code;
    private static readonly CurrencyCode Usd = Currency.Usd.Code;

    public static SimulatedPurse Customer1 { get; } = SimulatedPurse.Create(Issuer, "customer-1", PurseId.Parse("5CC0020000000001"),
        PurseClass.Customer, [Eur, Gbp], ConformanceKeys.Customer1);

    public static SimulatedPurse Customer2 { get; } = SimulatedPurse.Create(Issuer, "customer-2", PurseId.Parse("5CC0020000000002"),
        PurseClass.Customer, [Eur], ConformanceKeys.Customer2);

    public static SimulatedPurse Merchant1 { get; } = SimulatedPurse.Create(Issuer, "merchant-1", PurseId.Parse("5CC0020000000003"),
        PurseClass.Merchant, [Eur, Gbp], ConformanceKeys.Merchant1);

    public static SimulatedPurse Bank1 { get; } = SimulatedPurse.Create(Issuer, "bank-1", PurseId.Parse("5CC0020000000004"),
        PurseClass.Bank, [Eur, Gbp, Usd], ConformanceKeys.Bank1);

    /// <summary>Expired 2025-05-31, before the cards' own effective date 2025-06-01.</summary>
    public static SimulatedPurse Expired { get; } = SimulatedPurse.Create(Issuer, "expired", PurseId.Parse("5CC0020000000005"),
        PurseClass.Customer, [Eur], ConformanceKeys.Customer2, BcdDate.FromDate(2025, 1, 1), BcdDate.FromDate(2025, 5, 31));

    /// <summary>Effective 2031-01-01, after the cards' own expiry: verifying it expires their certificates.</summary>
    public static SimulatedPurse Future { get; } = SimulatedPurse.Create(Issuer, "future", PurseId.Parse("5CC0020000000006"),
        PurseClass.Customer, [Eur], ConformanceKeys.Customer2, BcdDate.FromDate(2031, 1, 1), BcdDate.FromDate(2035, 12, 31));

    /// <summary>Certified by <see cref="TestIssuer.Foreign"/>.</summary>
    public static SimulatedPurse Foreign { get; } = SimulatedPurse.Create(TestIssuer.Foreign, "foreign", PurseId.Parse("5CC0020000000007"),
        PurseClass.Customer, [Eur], ConformanceKeys.Customer2);

    /// <summary>Names the default issuer but is signed with the stranger's key.</summary>
    public static SimulatedPurse Forged { get; } = new("forged", PurseId.Parse("5CC0020000000008"), PurseClass.Customer, [Eur],
        ConformanceKeys.Stranger, PurseCertificate.Issue(CertificateBody.ForPurse(Issuer.Id, PurseId.Parse("5CC0020000000008"),
            PurseClass.Customer, [Eur], BcdDate.FromDate(2025, 1, 1), BcdDate.FromDate(2030, 12, 31), ConformanceKeys.Stranger.PublicKey),
            ConformanceKeys.Stranger.PrivateKey));
}
