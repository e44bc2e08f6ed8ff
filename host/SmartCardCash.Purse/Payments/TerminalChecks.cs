using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The checks a terminal makes of a purse before value moves, in one place: the payment coordinator makes them for
/// both of its purses, and a payee listener makes them for the remote payer, whose own terminal is not to be trusted.
/// The purses check signatures and their trusted dates themselves; these add what only a terminal knows: the trusted
/// issuer, today's date and the hotlist.
/// </summary>
public static class TerminalChecks
{
    /// <summary>Today by <paramref name="time"/> (UTC), as a card date.</summary>
    public static BcdDate Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return BcdDate.FromDate(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// The first problem with <paramref name="certificate"/> for a terminal, or null: not a purse certificate, content
    /// against spec 3.3, not from or not signed by <paramref name="trustedIssuer"/>, not the card's own, or expired by
    /// <paramref name="today"/>.
    /// </summary>
    /// <param name="name">The purse's name in the message ("alice", "purse 5343430A00000002").</param>
    /// <param name="trustedIssuer">The trusted issuer certificate, or null when none is known here: the issuer is then
    /// left to the card, which checks the signature under its own issuer key.</param>
    /// <param name="holder">The purse ID the card reported, which the certificate must be for; null to skip.</param>
    public static CertificateProblem? CheckCertificate(string name, PurseCertificate certificate, PurseCertificate? trustedIssuer,
        BcdDate today, PurseId? holder = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        CertificateBody body = certificate.Body;
        string? problem = body.IsIssuerCertificate ? "it is an issuer certificate, not a purse's" : body.FindContentProblem()?.TrimEnd('.');
        if (problem is null && trustedIssuer is not null && body.Issuer != trustedIssuer.Body.Issuer)
        {
            problem = $"it is from issuer {body.Issuer}, not the trusted issuer {trustedIssuer.Body.Issuer}";
        }
        if (problem is null && trustedIssuer is not null && !certificate.VerifySignature(trustedIssuer.Body.PublicKey))
        {
            problem = $"it is not signed by the trusted issuer {trustedIssuer.Body.Issuer}";
        }
        if (problem is null && holder is { } id && body.Holder != id)
        {
            problem = $"it is for purse {body.Holder}, but the card is purse {id}";
        }
        if (problem is not null)
        {
            return new CertificateProblem(RefusalReason.UntrustedCertificate, $"{name}'s certificate is not to be trusted: {problem}");
        }
        return body.Expiry < today
            ? new CertificateProblem(RefusalReason.CertificateExpired, $"{name}'s certificate expired on {body.Expiry}: the purse must be replaced")
            : null;
    }

    /// <summary>A problem when <paramref name="purse"/> is on <paramref name="hotlist"/>, else null.</summary>
    /// <param name="name">The purse's name ("bob"), or null to name it by its ID alone.</param>
    public static CertificateProblem? CheckHotlist(string? name, PurseId purse, Hotlist hotlist)
    {
        ArgumentNullException.ThrowIfNull(hotlist);
        if (!hotlist.Contains(purse))
        {
            return null;
        }
        string who = name is null ? $"purse {purse}" : $"{name} (purse {purse})";
        return new CertificateProblem(RefusalReason.Hotlisted,
            $"{who} is on the hotlist{(hotlist.Source is { } source ? $" ({source})" : "")}: " +
            "the bank has barred it, and no value is transferred to or from it");
    }
}
