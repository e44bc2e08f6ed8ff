using System.Globalization;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>
/// The purse certificates the issuer issued, as the bank keeps them: one per purse ID, each verified against the
/// issuer's certificate before it is stored. Clearing and the archive verify every signature with the registered
/// certificate, or with one supplied alongside the evidence, which is verified and registered on the way in. Parsed
/// public keys are cached by purse ID.
/// </summary>
public sealed class CertificateRegistry
{
    private readonly PurseKeyRing _keys = new();

    /// <param name="issuerCertificate">The issuer's self-signed certificate: the one key every purse certificate must verify under.</param>
    /// <exception cref="ArgumentException">It is not a validly self-signed issuer certificate.</exception>
    public CertificateRegistry(BankDatabase database, PurseCertificate issuerCertificate)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(issuerCertificate);
        if (!issuerCertificate.Body.IsIssuerCertificate || !issuerCertificate.IsValidlySelfSigned())
        {
            throw new ArgumentException("the issuer certificate is not a validly self-signed issuer certificate.", nameof(issuerCertificate));
        }
        Database = database;
        IssuerCertificate = issuerCertificate;
    }

    public BankDatabase Database { get; }

    public PurseCertificate IssuerCertificate { get; }

    public IssuerId Issuer => IssuerCertificate.Body.Issuer;

    /// <summary>Verifies <paramref name="certificate"/> against the issuer's and stores it; the same one again is a retry.</summary>
    /// <exception cref="CertificateRefusedException">Another issuer's, badly signed, not a purse certificate, or another
    /// certificate is registered for its purse.</exception>
    public CertificateRegistration Register(PurseCertificate certificate) => Database.Write(tx => Register(tx, certificate));

    /// <summary>The certificate registered for <paramref name="purse"/>, or null.</summary>
    public PurseCertificate? Find(PurseId purse) => Database.Read(tx => Find(tx, purse));

    internal CertificateRegistration Register(BankTransaction tx, PurseCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        CheckIssued(certificate);
        PurseId purse = certificate.Body.Holder;
        if (Find(tx, purse) is PurseCertificate registered)
        {
            return registered.Encoded.SequenceEqual(certificate.Encoded)
                ? new CertificateRegistration(registered, AlreadyRegistered: true)
                : throw new CertificateRefusedException(CertificateRefusal.Conflict,
                    $"purse {purse} already has another certificate registered: the issuer certifies a purse once.");
        }
        tx.Execute("INSERT INTO purse_certificates (purse_id, issuer_id, certificate, registered_at) " +
            "VALUES (@Purse, @Issuer, @Certificate, @Now) ON CONFLICT (purse_id) DO NOTHING",
            new
            {
                Purse = purse.ToString(),
                Issuer = certificate.Body.Issuer.ToString(),
                Certificate = Hex.Encode(certificate.Encoded),
                Now = tx.Now.ToString("O", CultureInfo.InvariantCulture),
            });
        // A concurrent writer may have registered one first: what is stored now is the answer.
        PurseCertificate stored = Find(tx, purse)!;
        return stored.Encoded.SequenceEqual(certificate.Encoded)
            ? new CertificateRegistration(stored, AlreadyRegistered: false)
            : throw new CertificateRefusedException(CertificateRefusal.Conflict,
                $"purse {purse} already has another certificate registered: the issuer certifies a purse once.");
    }

    internal static PurseCertificate? Find(BankTransaction tx, PurseId purse) =>
        tx.Single<string>("SELECT certificate FROM purse_certificates WHERE purse_id = @Purse", new { Purse = purse.ToString() })
            is string hex ? PurseCertificate.Parse(Hex.Decode(hex)) : null;

    /// <summary>The certificate to verify <paramref name="purse"/>'s signatures with: <paramref name="supplied"/> once
    /// verified against the issuer's (and found the same as any registered), else the registered one. The caller
    /// registers a supplied one once the evidence it came with verified, so that nothing is stored for refused evidence.</summary>
    /// <exception cref="CertificateRefusedException">Neither is there, or the supplied one is refused.</exception>
    internal PurseCertificate CertificateOf(BankTransaction tx, PurseId purse, PurseCertificate? supplied)
    {
        if (supplied is not null && supplied.Body.Holder != purse)
        {
            throw new CertificateRefusedException(CertificateRefusal.ContentInvalid,
                $"the certificate supplied is purse {supplied.Body.Holder}'s, not purse {purse}'s.");
        }
        if (supplied is not null)
        {
            CheckIssued(supplied);
            if (Find(tx, purse) is PurseCertificate registered && !registered.Encoded.SequenceEqual(supplied.Encoded))
            {
                throw new CertificateRefusedException(CertificateRefusal.Conflict,
                    $"the certificate supplied for purse {purse} is not the one the bank registered for it.");
            }
            return supplied;
        }
        return Find(tx, purse) ?? throw new CertificateRefusedException(CertificateRefusal.Unknown,
            $"the bank holds no certificate of purse {purse}, and none came with the evidence.");
    }

    /// <summary>Whether <paramref name="val"/> is signed by the purse <paramref name="certificate"/> certifies.</summary>
    internal bool VerifyVal(PurseCertificate certificate, ProtectedMessage val) =>
        val.Type == MessageType.Val && val.Details.From == certificate.Body.Holder &&
        _keys.Verify(certificate, SignedMessages.Payment(MessageType.Val, val.Details), val.Signature);

    /// <summary>Whether <paramref name="ack"/> is signed by the payee purse <paramref name="certificate"/> certifies.</summary>
    internal bool VerifyAck(PurseCertificate certificate, ProtectedMessage ack) =>
        ack.Type == MessageType.Ack && ack.Details.To == certificate.Body.Holder &&
        _keys.Verify(certificate, SignedMessages.Payment(MessageType.Ack, ack.Details), ack.Signature);

    /// <summary>Whether <paramref name="entry"/> is signed by the purse <paramref name="certificate"/> certifies.</summary>
    internal bool VerifyRecord(PurseCertificate certificate, ExceptionLogEntry entry) =>
        _keys.Verify(certificate, SignedMessages.ExceptionLogRecord(certificate.Body.Holder, entry.Record), entry.Signature.Span);

    private void CheckIssued(PurseCertificate certificate)
    {
        PurseId purse = certificate.Body.Holder;
        if (certificate.Body.Issuer != Issuer)
        {
            throw new CertificateRefusedException(CertificateRefusal.OtherIssuer,
                $"the certificate of purse {purse} is issuer {certificate.Body.Issuer}'s, not this bank's issuer {Issuer}'s.");
        }
        if (certificate.Body.IsIssuerCertificate || certificate.Body.FindContentProblem() is not null)
        {
            throw new CertificateRefusedException(CertificateRefusal.ContentInvalid,
                $"the certificate of purse {purse} is not a valid purse certificate: " +
                (certificate.Body.FindContentProblem() ?? "it is an issuer certificate.").TrimEnd('.') + ".");
        }
        if (!_keys.Verify(IssuerCertificate, certificate.SignedBytes, certificate.Signature))
        {
            throw new CertificateRefusedException(CertificateRefusal.SignatureInvalid,
                $"the certificate of purse {purse} is not signed by issuer {Issuer}'s key.");
        }
    }
}
