using System.Text.Json.Serialization;

namespace SmartCardCash.Purse.Payments;

/// <summary>Why a payment was not started. See <see cref="PaymentRefusal.IsSecurity"/> for the security refusals.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefusalReason>))]
public enum RefusalReason
{
    /// <summary>A certificate is malformed, from another issuer, not signed by the trusted issuer, or not the card's own. Security.</summary>
    UntrustedCertificate,

    /// <summary>A certificate has expired by the terminal's clock. Security.</summary>
    CertificateExpired,

    /// <summary>A purse is on the hotlist (the bank found it cloned or stolen). Security.</summary>
    Hotlisted,

    /// <summary>A purse refused the other's certificate at VERIFY CERTIFICATE (signature, expiry by its trusted date). Security.</summary>
    CertificateRefusedByCard,

    /// <summary>A purse answered with payment details other than the payment's (a faulty or tampered card or connection). Security.</summary>
    MessageTampered,

    /// <summary>Both cards hold the same purse.</summary>
    SamePurse,

    /// <summary>A card holds no personalised purse.</summary>
    NotPersonalised,

    /// <summary>A purse is blocked or otherwise not in the ISSUED lifecycle.</summary>
    PurseNotIssued,

    /// <summary>These purse classes may not transfer value (a merchant cannot pay a merchant).</summary>
    ClassesMayNotTransfer,

    /// <summary>The currency is not held by both purses.</summary>
    CurrencyNotHeld,

    /// <summary>A purse has an unfinished transfer from an earlier, interrupted payment: recover it first (or force).</summary>
    PurseNotIdle,

    /// <summary>A purse refused the command with an error status word (insufficient funds, limits, lock code …).</summary>
    RefusedByCard,

    /// <summary>A card could not be reached (removed, reader gone, connection dropped) before anything was debited.</summary>
    CardUnreachable,
}
