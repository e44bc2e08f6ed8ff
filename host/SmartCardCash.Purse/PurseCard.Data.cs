using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

// Reading: GET DATA (status, balances, limits, certificates, pending transfer), the two logs and the whole-card snapshot.
public sealed partial class PurseCard
{
    /// <summary>GET DATA 01: lifecycle, identity, transfer state, counters, flags, tries, log occupancy, trusted date.</summary>
    public PurseStatus GetStatus() => PurseResponses.ParseStatus(GetData(PurseDataObject.Status));

    /// <summary>GET DATA 02: one balance per pocket, in certificate order. Needs no lock code (a balance reader).</summary>
    /// <exception cref="DataNotLoadedException">The purse is not personalised.</exception>
    public IReadOnlyList<PocketBalance> GetBalances() => PurseResponses.ParseBalances(GetData(PurseDataObject.Balances));

    /// <summary>GET DATA 05: maximum balance, transaction and contactless limits of each pocket.</summary>
    /// <exception cref="DataNotLoadedException">The purse is not personalised.</exception>
    public IReadOnlyList<PocketLimits> GetLimits() => PurseResponses.ParseLimits(GetData(PurseDataObject.PocketLimits));

    /// <summary>GET DATA 03: the purse's own certificate, parsed (not judged: the purse checked it when it was loaded).</summary>
    /// <exception cref="DataNotLoadedException">The certificate is not loaded yet.</exception>
    public PurseCertificate GetCertificate() => PurseCertificate.Parse(GetData(PurseDataObject.PurseCertificate));

    /// <summary>GET DATA 04: the issuer's self-signed certificate the purse trusts.</summary>
    /// <exception cref="DataNotLoadedException">The certificate is not loaded yet.</exception>
    public PurseCertificate GetIssuerCertificate() => PurseCertificate.Parse(GetData(PurseDataObject.IssuerCertificate));

    /// <summary>GET DATA 06: the transfer state and the payment details of the last transfer started (if any).</summary>
    public PendingTransfer GetPendingTransfer() => PurseResponses.ParsePendingTransfer(GetData(PurseDataObject.PendingTransfer));

    /// <summary>
    /// READ LOG of the transaction log, every record: index 0 is the most recent. Read-only.
    /// </summary>
    public IReadOnlyList<TransactionLogEntry> ReadTransactionLog()
    {
        var entries = new List<TransactionLogEntry>();
        for (int index = 0; index <= byte.MaxValue; index++)
        {
            byte[]? data = ReadLogRecord(PurseLogKind.Transactions, (byte)index);
            if (data is null)
            {
                break;
            }
            entries.Add(PurseResponses.ParseTransactionLogEntry(data));
        }
        return entries;
    }

    /// <summary>
    /// READ LOG of the exception log, every record (index 0 is the oldest), each signature verified against the key in
    /// the purse's own certificate.
    /// </summary>
    /// <remarks>
    /// <b>Reading the exception log aborts a transfer in progress</b> (spec 4.3, the PRG-126 readExceptionLog): a
    /// purse in epv or epa logs that transfer first, so the log read is complete. Do not call it on a purse that is in
    /// the middle of a payment you mean to finish or resume.
    /// </remarks>
    /// <exception cref="ExceptionLogSignatureException">A record's signature does not verify.</exception>
    public IReadOnlyList<ExceptionLogEntry> ReadExceptionLog()
    {
        PurseCertificate certificate = GetCertificate();
        PurseId purse = certificate.Body.Holder;
        var entries = new List<ExceptionLogEntry>();
        for (int index = 0; index <= byte.MaxValue; index++)
        {
            byte[]? data = ReadLogRecord(PurseLogKind.Exceptions, (byte)index);
            if (data is null)
            {
                break;
            }
            ExceptionLogEntry entry = PurseResponses.ParseExceptionLogEntry(data);
            if (!entry.Verify(purse, certificate.Body.PublicKey, _crypto))
            {
                throw new ExceptionLogSignatureException(
                    $"exception-log record {entry.Index} of {Name} (purse {purse}) is not signed by the purse's certified key: " +
                    "the record, the card or the channel is not to be trusted", entry.Index);
            }
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>
    /// Everything readable without the lock code, in one snapshot: SELECT, status, balances, limits and the purse
    /// certificate's dates. Selects the purse. A purse in personalisation gives what it has (no pockets yet).
    /// </summary>
    public PurseInfo ReadInfo()
    {
        PurseFci fci = Select();
        PurseStatus status = GetStatus();
        var pockets = new List<PocketInfo>();
        BcdDate? effective = null, expiry = null;
        if (status.PurseId is not null)
        {
            IReadOnlyList<PocketBalance> balances = GetBalances();
            IReadOnlyList<PocketLimits> limits = TryRead(GetLimits) ?? [];
            foreach (PocketBalance balance in balances)
            {
                PocketLimits? limit = limits.FirstOrDefault(l => l.Currency == balance.Currency);
                pockets.Add(new PocketInfo(balance.Currency, balance.Balance, limit?.MaximumBalance ?? 0,
                    limit?.TransactionLimit ?? 0, limit?.ContactlessLimit ?? 0));
            }
            PurseCertificate certificate = GetCertificate();
            effective = certificate.Body.Effective;
            expiry = certificate.Body.Expiry;
        }
        return new PurseInfo(fci.AppletVersion, status.PurseId, status.IssuerId, status.PurseClass, status.Lifecycle,
            status.TransferState, status.NextSequenceNumber, status.IssuerCounter, status.Flags,
            status.LockCodeTriesRemaining,
            new LogOccupancy(status.ExceptionLogCount, status.ExceptionLogCapacity),
            new LogOccupancy(status.TransactionLogCount, status.TransactionLogCapacity),
            pockets, effective, expiry, status.TrustedDate);
    }

    private byte[] GetData(PurseDataObject dataObject) =>
        Send(PurseCommand.GetData, PurseCommands.GetData(dataObject)).Data.ToArray();

    /// <summary>One record, or null past the last one (6A83).</summary>
    private byte[]? ReadLogRecord(PurseLogKind log, byte index)
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.ReadLog(log, index));
        if (response.StatusWord == StatusWord.RecordNotFound)
        {
            return null;
        }
        if (!response.IsSuccess)
        {
            throw Error(PurseCommand.ReadLog, response.StatusWord);
        }
        return response.Data.ToArray();
    }

    private uint? BalanceOf(CurrencyCode currency) => GetBalances().FirstOrDefault(b => b.Currency == currency)?.Balance;

    private PocketLimits? LimitsOf(CurrencyCode currency) => GetLimits().FirstOrDefault(l => l.Currency == currency);

    private static T? TryRead<T>(Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (DataNotLoadedException)
        {
            return null;
        }
    }
}
