namespace SmartCardCash.Purse.Conformance;

/// <summary>
/// A counterparty purse simulated from a fixed key: it has a certificate and signs req, val and ack. It keeps no
/// state; whoever drives it decides which messages it sends.
/// </summary>
public sealed class SimulatedPurse
{
    public SimulatedPurse(string name, PurseId id, PurseClass purseClass, IReadOnlyList<CurrencyCode> currencies, P256KeyPair key,
        PurseCertificate certificate)
    {
        Name = name;
        Id = id;
        Class = purseClass;
        Currencies = currencies;
        Key = key;
        Certificate = certificate;
    }

    public string Name { get; }

    public PurseId Id { get; }

    public PurseClass Class { get; }

    public IReadOnlyList<CurrencyCode> Currencies { get; }

    public P256KeyPair Key { get; }

    public PurseCertificate Certificate { get; }

    /// <summary>A purse certified by <paramref name="issuer"/>, valid 2025-01-01 to 2030-12-31 unless said otherwise.</summary>
    public static SimulatedPurse Create(TestIssuer issuer, string name, PurseId id, PurseClass purseClass,
        IReadOnlyList<CurrencyCode> currencies, P256KeyPair key, BcdDate? effective = null, BcdDate? expiry = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(key);
        PurseCertificate certificate = issuer.Certify(id, purseClass, currencies, effective ?? BcdDate.FromDate(2025, 1, 1),
            expiry ?? BcdDate.FromDate(2030, 12, 31), key.PublicKey);
        return new SimulatedPurse(name, id, purseClass, currencies, key, certificate);
    }

    public ProtectedMessage Sign(MessageType type, PaymentDetails details) =>
        ProtectedMessage.Create(type, details, Key.PrivateKey);

    public override string ToString() => $"{Name} ({Id}, {Class})";
}
