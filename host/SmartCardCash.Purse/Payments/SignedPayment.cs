using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The signed evidence of a payment its payee took: the payer's val (the payment details and the payer's signature),
/// the payee's ack when the run saw it, and the payer's certificate when the run read it (else the bank finds it by the
/// payer's purse ID in the PD). What a terminal keeps in its journal and the bank's clearing verifies: the card's own
/// transaction log is unsigned and keeps only 10 records.
/// </summary>
public sealed class SignedPayment
{
    /// <exception cref="ArgumentException">Not a val, an ack for other details, or a certificate of another purse.</exception>
    public SignedPayment(ProtectedMessage val, ProtectedMessage? ack = null, PurseCertificate? payerCertificate = null)
    {
        ArgumentNullException.ThrowIfNull(val);
        if (val.Type != MessageType.Val)
        {
            throw new ArgumentException($"a payment's evidence is the payer's val, not a {val.Type}", nameof(val));
        }
        if (ack is not null && (ack.Type != MessageType.Ack || !ack.Details.Equals(val.Details)))
        {
            throw new ArgumentException("the ack is not the payee's ack of these payment details", nameof(ack));
        }
        if (payerCertificate is not null && payerCertificate.Body.Holder != val.Details.From)
        {
            throw new ArgumentException(
                $"the certificate is purse {payerCertificate.Body.Holder}'s, not the payer's ({val.Details.From})", nameof(payerCertificate));
        }
        Val = val;
        Ack = ack;
        PayerCertificate = payerCertificate;
    }

    /// <summary>The payer's val: what the payee was credited for, signed by the payer.</summary>
    public ProtectedMessage Val { get; }

    /// <summary>The payee's ack of the same payment details, signed by the payee; null when the run did not see it.</summary>
    public ProtectedMessage? Ack { get; }

    /// <summary>The payer's certificate (issued by the issuer), to verify <see cref="Val"/> with; null when not read.</summary>
    public PurseCertificate? PayerCertificate { get; }

    public PaymentDetails Details => Val.Details;

    /// <summary>The same evidence, with the payer's certificate (read afterwards, for a recovery).</summary>
    public SignedPayment WithPayerCertificate(PurseCertificate certificate) => new(Val, Ack, certificate);
}
