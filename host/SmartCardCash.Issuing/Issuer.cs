using System.Security.Cryptography;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing;

/// <summary>
/// The issuer: a P-256 key pair, a 4-byte issuer ID and the self-signed issuer certificate every purse trusts. It
/// certifies purse keys (purse ID = issuer ID ‖ 4-byte serial) and signs issuer-authorised commands.
/// <see cref="Storage.IssuerStore"/> keeps it on disk.
/// </summary>
/// <remarks>The private key never leaves this object except through <see cref="Storage.IssuerStore"/>; ToString shows only public data.</remarks>
public sealed class Issuer : IIssuerSigner
{
    /// <summary>How long a purse certificate is valid by default.</summary>
    public const int DefaultPurseValidityYears = 4;

    /// <summary>How long the issuer certificate is valid: it must outlive the purses it certifies.</summary>
    public const int IssuerValidityYears = 20;

    private static readonly DateOnly LastCardDate = new(2099, 12, 31);

    private readonly P256KeyPair _keyPair;
    private readonly IPurseCrypto _crypto;

    /// <summary>An issuer from its parts; the certificate must be the self-signed one for this key and ID.</summary>
    public Issuer(IssuerId id, P256KeyPair keyPair, PurseCertificate certificate, IPurseCrypto? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        ArgumentNullException.ThrowIfNull(certificate);
        _crypto = crypto ?? P256.Shared;
        CertificateBody body = certificate.Body;
        if (!body.IsIssuerCertificate || body.Issuer != id || body.Holder != PurseId.ForIssuer(id))
        {
            throw new ArgumentException($"the certificate is not issuer {id}'s own certificate.", nameof(certificate));
        }
        if (!body.PublicKey.SequenceEqual(keyPair.PublicKey))
        {
            throw new ArgumentException("the issuer certificate does not hold this key pair's public key.", nameof(certificate));
        }
        if (!certificate.IsValidlySelfSigned(_crypto))
        {
            throw new ArgumentException("the issuer certificate's self-signature does not verify.", nameof(certificate));
        }
        Id = id;
        _keyPair = keyPair;
        Certificate = certificate;
    }

    public IssuerId Id { get; }

    IssuerId IIssuerSigner.IssuerId => Id;

    /// <summary>The self-signed issuer certificate (class 7F), loaded into every purse at personalisation.</summary>
    public PurseCertificate Certificate { get; }

    /// <summary><c>04 ‖ X ‖ Y</c>.</summary>
    public ReadOnlySpan<byte> PublicKey => _keyPair.PublicKey;

    /// <summary>SHA-256 of the issuer certificate's encoding, in hex: what to compare when checking a purse's trust anchor.</summary>
    public string Fingerprint => FingerprintOf(Certificate);

    internal P256KeyPair KeyPair => _keyPair;

    /// <summary>A new issuer: a fresh key pair from the system's CSPRNG and a certificate valid from <paramref name="today"/>.</summary>
    public static Issuer Create(IssuerId id, DateOnly today, IPurseCrypto? crypto = null)
    {
        crypto ??= P256.Shared;
        P256KeyPair keyPair = crypto.GenerateKeyPair(RandomNumberGenerator.Fill);
        return FromKeyPair(id, keyPair, today, crypto);
    }

    /// <summary>An issuer for a known key pair (tests, a restored key), certified from <paramref name="today"/>.</summary>
    public static Issuer FromKeyPair(IssuerId id, P256KeyPair keyPair, DateOnly today, IPurseCrypto? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        crypto ??= P256.Shared;
        var body = CertificateBody.ForIssuer(id, BcdDate.FromDate(today), BcdDate.FromDate(AddYears(today, IssuerValidityYears)),
            keyPair.PublicKey);
        return new Issuer(id, keyPair, PurseCertificate.Issue(body, keyPair.PrivateKey, crypto), crypto);
    }

    /// <summary>A random issuer ID, never 00000000.</summary>
    public static IssuerId NewId()
    {
        while (true)
        {
            uint value = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(IssuerId.Length));
            if (value != 0)
            {
                return new IssuerId(value);
            }
        }
    }

    public static string FingerprintOf(PurseCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Hex.Encode(SHA256.HashData(certificate.Encoded));
    }

    /// <summary>The purse ID of serial <paramref name="serial"/>: issuer ID ‖ serial, 8 bytes.</summary>
    public PurseId PurseIdFor(uint serial) => new(((ulong)Id.Value << 32) | serial);

    /// <summary>
    /// Certifies a purse's public key. Effective <paramref name="effective"/>, expiring after
    /// <paramref name="validityYears"/> years but never after the issuer certificate.
    /// </summary>
    public PurseCertificate IssuePurseCertificate(PurseId purse, PurseClass purseClass, IReadOnlyList<CurrencyCode> currencies,
        ReadOnlySpan<byte> publicKey, DateOnly effective, int validityYears = DefaultPurseValidityYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validityYears, 1);
        if ((purse.Value >> 32) != Id.Value)
        {
            throw new ArgumentException($"purse {purse} does not start with issuer ID {Id}.", nameof(purse));
        }
        DateOnly expiry = AddYears(effective, validityYears);
        DateOnly issuerExpiry = Certificate.Body.Expiry.ToDate();
        if (expiry > issuerExpiry)
        {
            expiry = issuerExpiry;
        }
        var body = CertificateBody.ForPurse(Id, purse, purseClass, currencies, BcdDate.FromDate(effective),
            BcdDate.FromDate(expiry), publicKey);
        return PurseCertificate.Issue(body, _keyPair.PrivateKey, _crypto);
    }

    public byte[] Sign(IssuerAuthorisation authorisation)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        return authorisation.Sign(_keyPair.PrivateKey, _crypto);
    }

    /// <summary>
    /// Signs a hotlist of <paramref name="purses"/> as version <paramref name="sequence"/> of <paramref name="date"/>
    /// (<see cref="SignedHotlist"/>): what every terminal that trusts this issuer honours once installed.
    /// </summary>
    public SignedHotlist SignHotlist(uint sequence, DateOnly date, IEnumerable<PurseId> purses)
    {
        string body = SignedHotlist.BodyOf(Id, sequence, date, purses);
        return SignedHotlist.Assemble(body, _crypto.Sign(_keyPair.PrivateKey, SignedHotlist.SignedBytes(body)));
    }

    /// <summary>Signs <paramref name="authorisation"/>: ready for <see cref="PurseCard.Execute"/>.</summary>
    public SignedIssuerAuthorisation Authorise(IssuerAuthorisation authorisation) =>
        SignedIssuerAuthorisation.Create(authorisation, this);

    public override string ToString() => $"issuer {Id} (certificate {Fingerprint[..16]}…)";

    private static DateOnly AddYears(DateOnly date, int years)
    {
        DateOnly later = date.Year + years > LastCardDate.Year ? LastCardDate : date.AddYears(years);
        return later > LastCardDate ? LastCardDate : later;
    }
}
