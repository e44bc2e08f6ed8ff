using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>
/// Purse's README sample of the protocol primitives in the order of spec 4.2, run by <see cref="PurseReadmeSampleTests"/>:
/// what <c>PaymentCoordinator.Pay</c> sends, without its checks or its recovery.
/// </summary>
internal static class TransferByHand
{
    /// <returns>The val the payer sent, and what the payer's RESUME gives back afterwards.</returns>
    public static (ProtectedMessage Val, ProtectedMessage? Last) Pay(PurseCard payer, PurseCard payee)
    {
        // <transfer>
        Money amount = Money.Of(Currency.Eur, 12_50);
        payer.Select(); uint toSeq = payee.Select().NextSequenceNumber;
        PurseCertificate payerCertificate = payer.GetCertificate(), payeeCertificate = payee.GetCertificate();
        payer.VerifyCertificate(payeeCertificate); payee.VerifyCertificate(payerCertificate);
        PurseId payerId = payerCertificate.Body.Holder, payeeId = payeeCertificate.Body.Holder;
        PaymentDetails pd = payer.StartFrom(payeeId, amount, toSeq /*, orderDigest */);
        ProtectedMessage req = payee.StartTo(payerId, amount, pd.FromSeq);
        ProtectedMessage val = payer.Req(req);           // payer debited
        ProtectedMessage ack = payee.Val(val);           // payee credited
        payer.Ack(ack);
        ProtectedMessage? last = payer.Resume();         // the last message a purse sent (here the val), or null; changes nothing
        // </transfer>
        return (val, last);
    }
}
