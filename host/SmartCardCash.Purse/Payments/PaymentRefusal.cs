namespace SmartCardCash.Purse.Payments;

/// <summary>Why a payment did not start: who refused, the reason, and the message to show (one plain sentence).</summary>
/// <param name="By">The purse that refused, or the terminal for the host's own checks.</param>
/// <param name="StatusWord">The card's status word ("9401") when a card refused; null otherwise.</param>
/// <param name="UnfinishedTransfer">For <see cref="RefusalReason.PurseNotIdle"/>: the earlier transfer that purse still holds.</param>
public sealed record PaymentRefusal(PaymentParty By, RefusalReason Reason, string Message, string? StatusWord = null,
    PaymentSummary? UnfinishedTransfer = null)
{
    /// <summary>
    /// The refusals that are about trust, not money: a certificate not from the trusted issuer, expired, refused by a
    /// purse, a hotlisted purse, or a purse answering for another payment. <c>scc</c> exits 6 for these.
    /// </summary>
    public bool IsSecurity => Reason is RefusalReason.UntrustedCertificate or RefusalReason.CertificateExpired
        or RefusalReason.Hotlisted or RefusalReason.CertificateRefusedByCard or RefusalReason.MessageTampered;
}
