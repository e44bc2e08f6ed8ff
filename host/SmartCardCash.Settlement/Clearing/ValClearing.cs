using System.Globalization;
using SmartCardCash.Iso7816;
using SmartCardCash.Journal;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>
/// Clears terminal journals: verifies each payer-signed val against the payer's certificate and stores it once per
/// (payer purse ID, payer sequence number). A repeat is <see cref="ClearingStatus.AlreadyCleared"/>; another validly
/// signed PD under a key already cleared proves a clone: both are kept and the purse goes on the hotlist. A val that
/// clears a payment the archive holds as maybe lost closes it (the value arrived). One batch is one database
/// transaction, and clearing it again changes nothing.
/// </summary>
public sealed class ValClearing(CertificateRegistry registry)
{
    /// <summary>The most records one batch takes.</summary>
    public const int MaxBatch = 1000;

    public CertificateRegistry Registry { get; } = registry ?? throw new ArgumentNullException(nameof(registry));

    public BankDatabase Database => Registry.Database;

    /// <summary>Clears journal lines as <see cref="JournalFormat"/> writes them; a line that does not decode is refused
    /// as <see cref="ClearingRefusal.Malformed"/>.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBatch"/> lines.</exception>
    public ClearingResult ClearLines(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var decoded = new List<(SignedPayment?, string?)>(lines.Count);
        foreach (string line in lines)
        {
            try
            {
                decoded.Add((JournalFormat.Decode(line ?? "").Payment, null));
            }
            catch (FormatException e)
            {
                decoded.Add((null, $"it is not a journal record: {e.Message.TrimEnd('.')}."));
            }
        }
        return Clear(decoded);
    }

    /// <summary>Clears a batch of journal entries.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBatch"/> entries.</exception>
    public ClearingResult Clear(IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Clear([.. entries.Select(e => ((SignedPayment?)e.Payment, (string?)null))]);
    }

    /// <summary>The vals kept for <paramref name="purse"/> under sequence numbers it signed twice: the clone evidence.</summary>
    public IReadOnlyList<ClearedVal> CloneEvidence(PurseId purse) => Database.Read(tx =>
    {
        var rows = tx.Query<ClearedValRow>($"SELECT {ClearedValRow.Columns} FROM cleared_vals v WHERE v.payer_purse_id = @Purse " +
            "AND EXISTS (SELECT 1 FROM clone_evidence c WHERE c.payer_purse_id = v.payer_purse_id AND c.from_seq = v.from_seq)",
            new { Purse = purse.ToString() });
        rows.AddRange(tx.Query<ClearedValRow>("SELECT pd AS Pd, val_signature AS ValSignature, ack_signature AS AckSignature, " +
            "found_at AS ClearedAt FROM clone_evidence WHERE payer_purse_id = @Purse", new { Purse = purse.ToString() }));
        return rows.OrderBy(r => r.FromSeq).ThenBy(r => r.ClearedAt, StringComparer.Ordinal).Select(r => r.ToClearedVal()).ToList();
    });

    /// <summary>The val cleared for <paramref name="payer"/>'s sequence number <paramref name="fromSeq"/>, or null.</summary>
    public ClearedVal? Find(PurseId payer, uint fromSeq) => Database.Read(tx =>
        tx.Single<ClearedValRow>($"SELECT {ClearedValRow.Columns} FROM cleared_vals v WHERE v.payer_purse_id = @Payer AND v.from_seq = @Seq",
            new { Payer = payer.ToString(), Seq = (long)fromSeq })?.ToClearedVal());

    /// <summary>Clears a val a bank purse accepted, inside the deposit's transaction: the purse itself verified it under
    /// the merchant purse's issuer-verified certificate, so only the storing, the clone check and the archive's judgement
    /// remain.</summary>
    internal ClearingRecordResult Accepted(BankTransaction tx, SignedPayment payment)
    {
        PaymentLocks.Take(tx, [payment.Details]);
        return Store(tx, 0, $"The deposit's val (purse {payment.Details.From}, sequence number {payment.Details.FromSeq})", payment, "");
    }

    private ClearingResult Clear(List<(SignedPayment? Payment, string? Problem)> batch)
    {
        if (batch.Count > MaxBatch)
        {
            throw new ArgumentException($"a clearing batch holds at most {MaxBatch} records, not {batch.Count}.", nameof(batch));
        }
        return Database.Write(tx =>
        {
            PaymentLocks.Take(tx, batch.Where(b => b.Payment is not null).Select(b => b.Payment!.Details));
            var results = new List<ClearingRecordResult>(batch.Count);
            for (int i = 0; i < batch.Count; i++)
            {
                (SignedPayment? payment, string? problem) = batch[i];
                results.Add(payment is null
                    ? new ClearingRecordResult(i, null, ClearingStatus.Refused, ClearingRefusal.Malformed, $"Record {i + 1}: {problem}")
                    : ClearOne(tx, i, payment));
            }
            return new ClearingResult(results);
        });
    }

    private ClearingRecordResult ClearOne(BankTransaction tx, int index, SignedPayment payment)
    {
        PaymentDetails pd = payment.Details;
        string name = $"Record {index + 1} (purse {pd.From}, sequence number {pd.FromSeq})";
        ClearingRecordResult Refused(ClearingRefusal refusal, string why) => new(index, pd, ClearingStatus.Refused, refusal, $"{name}: {why}");

        if (!pd.IsWellFormed || !Currency.TryFromCode(pd.Currency, out _))
        {
            return Refused(ClearingRefusal.Malformed, "its payment details are not well formed (payer and payee the same, value 0, or an unknown currency).");
        }
        PurseCertificate certificate;
        try
        {
            certificate = Registry.CertificateOf(tx, pd.From, payment.PayerCertificate);
        }
        catch (CertificateRefusedException e)
        {
            return Refused(e.Reason == CertificateRefusal.Unknown ? ClearingRefusal.UnknownPurse : ClearingRefusal.CertificateRefused, e.Message);
        }
        if (!Registry.VerifyVal(certificate, payment.Val))
        {
            return Refused(ClearingRefusal.SignatureInvalid, $"the val is not signed by purse {pd.From}'s certified key.");
        }
        ProtectedMessage? ack = payment.Ack;
        PurseCertificate? payee = CertificateRegistry.Find(tx, pd.To);
        if (ack is not null && payee is not null && !Registry.VerifyAck(payee, ack))
        {
            return Refused(ClearingRefusal.SignatureInvalid, $"the ack is not signed by payee purse {pd.To}'s certified key.");
        }
        if (payment.PayerCertificate is not null)
        {
            Registry.Register(tx, payment.PayerCertificate);
        }
        string note = ack is null ? "" : payee is null
            ? $" The bank holds no certificate of payee purse {pd.To}, so it cannot verify its ack: the val proves nothing about arrival until it can."
            : "";
        return Store(tx, index, name, payment, note);
    }

    private ClearingRecordResult Store(BankTransaction tx, int index, string name, SignedPayment payment, string note)
    {
        PaymentDetails pd = payment.Details;
        string pdHex = Hex.Encode(pd.Encoding), val = Hex.Encode(payment.Val.Signature);
        string? ack = payment.Ack is { } a ? Hex.Encode(a.Signature) : null;
        string now = tx.Now.ToString("O", CultureInfo.InvariantCulture);
        int inserted = tx.Execute(
            "INSERT INTO cleared_vals (payer_purse_id, from_seq, pd, payee_purse_id, currency, amount, val_signature, ack_signature, cleared_at) " +
            "VALUES (@Payer, @Seq, @Pd, @Payee, @Currency, @Amount, @Val, @Ack, @Now) ON CONFLICT DO NOTHING",
            new
            {
                Payer = pd.From.ToString(), Seq = (long)pd.FromSeq, Pd = pdHex, Payee = pd.To.ToString(),
                Currency = Currency.FromCode(pd.Currency).AlphaCode, Amount = (long)pd.Value, Val = val, Ack = ack, Now = now,
            });
        if (inserted == 0 && ack is not null)
        {
            // The same val again, now with an ack (a journal that saw it, or one the bank can verify now): keep the ack.
            tx.Execute("UPDATE cleared_vals SET ack_signature = @Ack WHERE pd = @Pd AND ack_signature IS NULL", new { Ack = ack, Pd = pdHex });
        }
        if (inserted == 1 || tx.Scalar<long>("SELECT COUNT(*) FROM cleared_vals WHERE pd = @Pd", new { Pd = pdHex }) == 1)
        {
            LostPaymentJudgement judged = LostPaymentBook.Judge(tx, Registry, pd);
            string said = (judged.ClosedAsArrived ? " The archive held this payment as maybe lost, and it is closed: the value arrived." : "") +
                (judged.PayeeCloned ? $" Payee purse {pd.To} acknowledged this payment and also logged that it never took it: it is cloned, and on the hotlist." : "");
            return inserted == 1
                ? new ClearingRecordResult(index, pd, ClearingStatus.Cleared, null, $"{name}: cleared.{note}{said}")
                : new ClearingRecordResult(index, pd, ClearingStatus.AlreadyCleared, null, $"{name}: already cleared{(said.Length == 0 ? "; nothing changed." : ".")}{note}{said}");
        }
        ClearedValRow first = tx.Single<ClearedValRow>($"SELECT {ClearedValRow.Columns} FROM cleared_vals v WHERE v.payer_purse_id = @Payer AND v.from_seq = @Seq",
            new { Payer = pd.From.ToString(), Seq = (long)pd.FromSeq })!;
        tx.Execute("INSERT INTO clone_evidence (payer_purse_id, from_seq, pd, val_signature, ack_signature, found_at) " +
            "VALUES (@Payer, @Seq, @Pd, @Val, @Ack, @Now) ON CONFLICT DO NOTHING",
            new { Payer = pd.From.ToString(), Seq = (long)pd.FromSeq, Pd = pdHex, Val = val, Ack = ack, Now = now });
        string evidence = $"purse {pd.From} signed two different payments with sequence number {pd.FromSeq}: " +
            $"PD {first.Pd} (val {first.ValSignature}) and PD {pdHex} (val {val})";
        bool listed = BankHotlist.Add(tx, pd.From, HotlistReason.Cloned, evidence);
        return new ClearingRecordResult(index, pd, ClearingStatus.CloneDetected, null,
            $"{name}: the purse signed other payment details with this sequence number before: it is cloned; both payments are " +
            $"kept as evidence{(listed ? " and the purse is on the hotlist" : ", and it was on the hotlist already")}.");
    }
}
