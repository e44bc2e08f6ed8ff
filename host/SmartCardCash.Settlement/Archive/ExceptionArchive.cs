using System.Globalization;
using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Archive;

/// <summary>
/// The exception archive (PRG-126): takes a purse's whole signed exception log, verifies every record against the
/// purse's certificate, stores each once by (purse, reason, PD), classifies it (<see cref="LostPaymentBook"/>: maybe
/// lost, definitely lost and refunded exactly once, owed, arrived, or a 02 awaiting its 01), and only once all of it is
/// committed signs the CLEAR EXCEPTION LOG for exactly those records. Uploads are all or nothing: one refused record
/// refuses the upload, because a log can only be cleared whole.
/// </summary>
public sealed class ExceptionArchive
{
    /// <summary>More records than a purse's log can hold (16) by far; a longer upload is not a purse's log.</summary>
    public const int MaxRecords = 255;

    private readonly Issuer _issuer;

    /// <param name="issuer">Signs the clear authorisations: the issuer the registry's certificates are from.</param>
    public ExceptionArchive(CertificateRegistry registry, Issuer issuer)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.Id != registry.Issuer)
        {
            throw new ArgumentException($"the issuer {issuer.Id} is not the registry's issuer {registry.Issuer}.", nameof(issuer));
        }
        Registry = registry;
        _issuer = issuer;
    }

    public CertificateRegistry Registry { get; }

    public BankDatabase Database => Registry.Database;

    /// <summary>Archives an upload and returns the clear authorisation for exactly its records. Uploading the same log
    /// again changes nothing and returns the same authorisation (for the counter given).</summary>
    /// <exception cref="ArchiveRefusedException">A record or the certificate is refused: nothing stored or posted.</exception>
    public ArchiveResult Upload(ExceptionUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        IReadOnlyList<ArchivedRecord> records = Database.Write(tx => Archive(tx, upload, "upload"));
        return new ArchiveResult(upload.Purse, records, AuthoriseClear(upload));
    }

    /// <summary>Every payment still open (maybe lost, or owed), oldest first, with when it was opened.</summary>
    public IReadOnlyList<LostPayment> OpenPayments() => Database.Read(tx =>
        tx.Query<LostPaymentRow>($"SELECT {LostPaymentRow.Columns} FROM lost_payments WHERE state IN ('MaybeLost', 'Owed') " +
            "ORDER BY opened_at, pd").Select(r => r.ToLostPayment()).ToList());

    /// <summary>The payments <paramref name="payer"/> reported in flight, open and closed, oldest first.</summary>
    public IReadOnlyList<LostPayment> PaymentsOf(PurseId payer) => Database.Read(tx =>
        tx.Query<LostPaymentRow>($"SELECT {LostPaymentRow.Columns} FROM lost_payments WHERE payer_purse_id = @Payer ORDER BY opened_at, pd",
            new { Payer = payer.ToString() }).Select(r => r.ToLostPayment()).ToList());

    public LostPayment? Find(PaymentDetails pd)
    {
        ArgumentNullException.ThrowIfNull(pd);
        return Database.Read(tx => LostPaymentBook.Find(tx, pd)?.ToLostPayment());
    }

    /// <summary>How many records the archive holds for <paramref name="purse"/>.</summary>
    public int RecordCount(PurseId purse) => checked((int)Database.Read(tx =>
        tx.Scalar<long>("SELECT COUNT(*) FROM exception_records WHERE purse_id = @Purse", new { Purse = purse.ToString() })));

    /// <summary>Refunds every payment owed to <paramref name="payer"/> (definitely lost while it had no account) to
    /// <paramref name="account"/>, which an operator names, and links the purse to it. Each is refunded once: a
    /// repeat finds nothing owed.</summary>
    /// <returns>The payments refunded now.</returns>
    /// <exception cref="LedgerRefusedException">The account does not exist, is not a customer or merchant account, or is
    /// in another currency.</exception>
    public IReadOnlyList<LostPayment> RefundOwed(PurseId payer, AccountId account) => Database.Write(tx =>
    {
        PurseAccounts.Link(tx, payer, account);
        List<LostPaymentRow> owed = tx.Query<LostPaymentRow>($"SELECT {LostPaymentRow.Columns} FROM lost_payments " +
            "WHERE payer_purse_id = @Payer AND state = 'Owed' ORDER BY opened_at, pd", new { Payer = payer.ToString() });
        PaymentLocks.Take(tx, owed.Select(r => r.Details));
        var refunded = new List<LostPayment>();
        foreach (PaymentDetails pd in owed.Select(r => r.Details))
        {
            if (LostPaymentBook.Find(tx, pd) is { Parsed: LostPaymentState.Owed })
            {
                LostPaymentBook.Refund(tx, pd, account);
                refunded.Add(LostPaymentBook.Find(tx, pd)!.ToLostPayment());
            }
        }
        return (IReadOnlyList<LostPayment>)refunded;
    });

    /// <summary>Archives <paramref name="upload"/> inside the caller's transaction: for the bank's own purses, whose
    /// records (a load that aborted after the debit) are read and cleared with the purse's image in one transaction.</summary>
    /// <param name="source">Who gave the records: <c>upload</c>, or the payment a bank purse logged them for (<c>load:ID</c>, <c>deposit:ID</c>).</param>
    internal IReadOnlyList<ArchivedRecord> Archive(BankTransaction tx, ExceptionUpload upload, string source)
    {
        PurseCertificate certificate = Checked(tx, upload);
        Registry.Register(tx, certificate);
        PaymentLocks.Take(tx, upload.Records.Select(r => r.Record.Details));
        var archived = new List<ArchivedRecord>(upload.Records.Count);
        foreach (ExceptionLogEntry entry in upload.Records)
        {
            PaymentDetails pd = entry.Record.Details;
            int inserted = tx.Execute("INSERT INTO exception_records (purse_id, reason, pd, signature, source, archived_at) " +
                "VALUES (@Purse, @Reason, @Pd, @Signature, @Source, @Now) ON CONFLICT DO NOTHING",
                new
                {
                    Purse = upload.Purse.ToString(), Reason = (long)entry.Record.Reason, Pd = Hex.Encode(pd.Encoding),
                    Signature = Hex.Encode(entry.Signature.Span), Source = source, Now = tx.Now.ToString("O", CultureInfo.InvariantCulture),
                });
            ExceptionClassification classification = LostPaymentBook.Judge(tx, Registry, pd).Classification
                ?? throw new InvalidOperationException($"the archive judged PD {Hex.Encode(pd.Encoding)} without the record it just stored.");
            archived.Add(new ArchivedRecord(entry.Index, entry.Record, AlreadyArchived: inserted == 0, classification));
        }
        return archived;
    }

    /// <summary>The issuer-signed CLEAR EXCEPTION LOG for exactly <paramref name="upload"/>'s records at its counter.</summary>
    internal SignedIssuerAuthorisation AuthoriseClear(ExceptionUpload upload) => _issuer.Authorise(
        IssuerAuthorisation.ClearExceptionLog(upload.Purse, upload.IssuerCounter, ExceptionRecord.LogDigest(upload.Records.Select(r => r.Record))));

    /// <summary>The upload's certificate, once it and every record are verified.</summary>
    private PurseCertificate Checked(BankTransaction tx, ExceptionUpload upload)
    {
        PurseId purse = upload.Purse;
        if (upload.Records.Count > MaxRecords)
        {
            throw new ArchiveRefusedException(ArchiveRefusal.Malformed,
                $"the upload for purse {purse} holds {upload.Records.Count} records; a purse's exception log holds far fewer.");
        }
        PurseCertificate certificate;
        try
        {
            certificate = Registry.CertificateOf(tx, purse, upload.Certificate);
        }
        catch (CertificateRefusedException e)
        {
            throw new ArchiveRefusedException(ArchiveRefusal.CertificateRefused, e.Message, e);
        }
        for (int i = 0; i < upload.Records.Count; i++)
        {
            ExceptionLogEntry entry = upload.Records[i];
            PaymentDetails pd = entry.Record.Details;
            string name = $"record {i} of purse {purse}'s exception log";
            if (entry.Index != i)
            {
                throw new ArchiveRefusedException(ArchiveRefusal.Malformed,
                    $"{name} has index {entry.Index}: an upload is the whole log, in index order from 0.");
            }
            bool own = entry.Record.Reason == ExceptionReason.PayerAbortedInEpa ? pd.From == purse : pd.To == purse;
            if (!own || !pd.IsWellFormed || !Currency.TryFromCode(pd.Currency, out _))
            {
                throw new ArchiveRefusedException(ArchiveRefusal.Malformed, $"{name} is not a record this purse could have " +
                    $"logged ({entry.Record.Reason} for a payment from {pd.From} to {pd.To}, {pd.Value} in currency {pd.Currency}).");
            }
            if (!Registry.VerifyRecord(certificate, entry))
            {
                throw new ArchiveRefusedException(ArchiveRefusal.SignatureInvalid,
                    $"{name} is not signed by the purse's certified key: nothing of the upload was archived.");
            }
        }
        return certificate;
    }
}
