using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// A card's side of an exception upload, as <c>scc bank exceptions</c> and <c>scc demo</c> do it: the upload of the
/// card's signed records with its certificate and issuer counter, the bank's issuer-signed CLEAR EXCEPTION LOG sent
/// back to the card, and what each archived record means in words.
/// </summary>
internal static class ExceptionLogUpload
{
    /// <summary>The upload of <paramref name="entries"/>, the card's exception log as just read.</summary>
    public static ExceptionUploadRequest Request(PurseCard purse, IReadOnlyList<ExceptionLogEntry> entries)
    {
        PurseCertificate certificate = purse.GetCertificate();
        uint counter = purse.GetStatus().IssuerCounter;
        return new ExceptionUploadRequest(Hex.Encode(certificate.Encoded), counter,
            [.. entries.Select(e => new ExceptionRecordUpload(Hex.Encode(e.Record.Encode()), Hex.Encode(e.Signature.Span)))]);
    }

    /// <summary>Sends the bank's clear authorisation to the card.</summary>
    /// <exception cref="Purse.Errors.WrongStateException">The card's log or issuer counter changed after the upload.</exception>
    /// <exception cref="FormatException">The authorisation is not one a card takes.</exception>
    public static void Clear(PurseCard purse, ClearAuthorisationJson clear)
    {
        var authorisation = IssuerAuthorisation.ClearExceptionLog(PurseId.Parse(clear.Purse), checked((uint)clear.IssuerCounter),
            Hex.Decode(clear.LogDigest));
        purse.ClearExceptionLog(new SignedIssuerAuthorisation(authorisation, Hex.Decode(clear.Signature)));
    }

    /// <summary>What an archived record means for the money, in words.</summary>
    public static string Meaning(ArchivedRecordJson record) => record.Classification switch
    {
        "refunded" => "definitely lost; refunded once to the account that loaded the payer's purse",
        "owed" => "definitely lost; owed to the payer, held for the bank's operator (no account linked, or the purse is hotlisted)",
        "maybe-lost" => "maybe lost; not refunded unless the payee's matching record arrives (it may have been delivered)",
        "awaiting-payer-record" => "archived; it means a loss only once the payer's matching record arrives",
        "arrived" => "the payment arrived after all; nothing was lost",
        string other => other,
    } + (record.AlreadyArchived ? " (archived before)" : "");

    /// <summary>One line per record: <c>01 EUR 5.00 from P (sequence number 4) to Q: meaning</c>.</summary>
    public static string Describe(ArchivedRecordJson record) =>
        $"{record.Reason} {BankMoney.Format(record.Amount, record.Currency)} from {record.Payer} (sequence number {record.FromSeq}) " +
        $"to {record.Payee}: {Meaning(record)}";
}
