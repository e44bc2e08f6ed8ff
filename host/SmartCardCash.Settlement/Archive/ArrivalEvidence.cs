using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Archive;

/// <summary>
/// What proves that a payment arrived, inside the caller's transaction. The payer signs its val before the payee has
/// it, so any host that relayed the payment holds a val: a cleared val alone proves nothing about arrival. Only the
/// payee's ack does, verified under the payee's registered certificate, now (an ack stored while that certificate was
/// unknown proves nothing until it is registered and the ack verifies). A verified ack and the payee's own 02 record
/// for the same PD contradict each other: two cards hold the payee's key, so the payee purse is cloned.
/// </summary>
internal static class ArrivalEvidence
{
    /// <summary>The payee's ack of <paramref name="pd"/> as cleared, when it verifies under the payee's registered
    /// certificate; else null.</summary>
    public static string? VerifiedAck(BankTransaction tx, CertificateRegistry registry, PaymentDetails pd)
    {
        string? ack = tx.Single<string>("SELECT ack_signature FROM cleared_vals WHERE pd = @Pd AND ack_signature IS NOT NULL",
            new { Pd = Hex.Encode(pd.Encoding) });
        return ack is not null && CertificateRegistry.Find(tx, pd.To) is PurseCertificate payee &&
            registry.VerifyAck(payee, new ProtectedMessage(MessageType.Ack, pd, Hex.Decode(ack)))
            ? ack : null;
    }

    /// <summary>The payee's signed 02 record for <paramref name="pd"/>, or null.</summary>
    public static string? PayeeRecord(BankTransaction tx, PaymentDetails pd) =>
        tx.Single<string>("SELECT signature FROM exception_records WHERE purse_id = @Purse AND reason = @Reason AND pd = @Pd",
            new { Purse = pd.To.ToString(), Reason = (long)ExceptionReason.PayeeAbortedInEpv, Pd = Hex.Encode(pd.Encoding) });

    /// <summary>Hotlists the payee as cloned when it both acknowledged <paramref name="pd"/> (<paramref name="ack"/>,
    /// verified) and logged a 02 for it.</summary>
    /// <returns>True when the payee is on the hotlist for it (now or before).</returns>
    public static bool ListPayeeIfCloned(BankTransaction tx, PaymentDetails pd, string? ack)
    {
        if (ack is null || PayeeRecord(tx, pd) is not string record)
        {
            return false;
        }
        BankHotlist.Add(tx, pd.To, HotlistReason.Cloned,
            $"purse {pd.To} acknowledged payment PD {Hex.Encode(pd.Encoding)} (ack {ack}) and also logged that it never " +
            $"took it (02 record, signature {record}): two cards hold its key");
        return true;
    }
}
