using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// What the terminal trusts and checks before it lets two purses start a transfer: the issuer certificate (its trust
/// anchor), the hotlist and its clock.
/// </summary>
public sealed class PaymentPolicy
{
    /// <param name="trustedIssuer">The issuer's self-signed certificate (class 7F) every purse certificate must be signed by.</param>
    /// <param name="hotlist">Purses to refuse; none when null.</param>
    /// <param name="time">The terminal's clock, for certificate expiry; the system clock when null.</param>
    /// <exception cref="ArgumentException">The trust anchor is not a valid, self-signed issuer certificate.</exception>
    public PaymentPolicy(PurseCertificate trustedIssuer, Hotlist? hotlist = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(trustedIssuer);
        if (!trustedIssuer.Body.IsIssuerCertificate || trustedIssuer.Body.FindContentProblem() is not null ||
            !trustedIssuer.IsValidlySelfSigned())
        {
            throw new ArgumentException("the trust anchor must be a valid, self-signed issuer certificate (class 7F).",
                nameof(trustedIssuer));
        }
        TrustedIssuer = trustedIssuer;
        Hotlist = hotlist ?? Hotlist.Empty;
        Time = time ?? TimeProvider.System;
    }

    public PurseCertificate TrustedIssuer { get; }

    public Hotlist Hotlist { get; }

    public TimeProvider Time { get; }

    /// <summary>Today by the terminal's clock (UTC), as a card date.</summary>
    public BcdDate Today => TerminalChecks.Today(Time);
}
