using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>VERIFY CERTIFICATE (spec 5.7, 3.3): accepts a counterparty as the session's verified peer.</summary>
internal sealed class CounterpartyVerification
{
    private readonly PurseStore _store;
    private readonly PurseSession _session;
    private readonly AtomicUpdate _atomic;
    private readonly IPurseCrypto _crypto;

    public CounterpartyVerification(PurseStore store, PurseSession session, AtomicUpdate atomic, IPurseCrypto crypto)
    {
        _store = store;
        _session = session;
        _atomic = atomic;
        _crypto = crypto;
    }

    /// <summary>Checks in the order of spec 3.3: format 6A80, signature 6982, own certificate 9408, expiry 9406.</summary>
    public void Verify(ReadOnlySpan<byte> data)
    {
        PurseCertificate certificate = CommandData.ParseCertificate(data);
        CertificateBody body = certificate.Body;
        if (body.FindContentProblem(_crypto) is not null || body.IsIssuerCertificate || body.Issuer != _store.IssuerId)
        {
            throw CommandData.Malformed();
        }
        if (!certificate.VerifySignature(_store.IssuerPublicKey, _crypto))
        {
            throw new IsoException(StatusWord.SecurityStatusNotSatisfied);
        }
        if (body.Holder == _store.PurseId)
        {
            throw new IsoException(PurseStatusWords.CounterpartyIsThisPurse);
        }
        BcdDate trusted = _store.TrustedDate;
        if (certificate.IsExpiredAt(trusted))
        {
            throw new IsoException(PurseStatusWords.CertificateExpired);
        }

        if (body.Effective > trusted)
        {
            // Only issuer-signed dates move the trusted date, and only forward.
            _atomic.Begin();
            _store.TrustedDate = body.Effective;
            _atomic.Commit();
        }
        _session.Peer = new VerifiedPeer(body.Holder, body.Class, body.Currencies, body.PublicKey);
    }
}
