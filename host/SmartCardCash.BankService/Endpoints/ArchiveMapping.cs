using System.Globalization;
using System.Text.Json;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Hotlist;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>Clearing, archive and hotlist records as the API's documents: purse IDs, never an account, except where the
/// operator asked for one.</summary>
internal static class ArchiveMapping
{
    public static ClearingRecordJson Json(this ClearingRecordResult record, int offset)
    {
        PaymentDetails? pd = record.Payment;
        return new ClearingRecordJson(record.Index + offset, Kebab(record.Status), pd?.From.ToString(), pd?.FromSeq, pd?.To.ToString(),
            pd?.Value, pd is null ? null : CurrencyName(pd.Currency), record.Refusal is { } refusal ? Kebab(refusal) : null, record.Message);
    }

    public static ArchivedRecordJson Json(this ArchivedRecord archived)
    {
        PaymentDetails pd = archived.Record.Details;
        return new ArchivedRecordJson(archived.Index, ((byte)archived.Record.Reason).ToString("X2", CultureInfo.InvariantCulture),
            pd.From.ToString(), pd.To.ToString(), pd.FromSeq, pd.ToSeq, pd.Value, CurrencyName(pd.Currency), archived.AlreadyArchived,
            Kebab(archived.Classification));
    }

    public static ClearAuthorisationJson Json(this SignedIssuerAuthorisation clear)
    {
        // The parameters are 90 L digest (IssuerAuthorisation.ClearExceptionLog): the digest is what the client rebuilds it from.
        var reader = new StrictTlvReader(clear.Authorisation.Parameters);
        byte[] digest = reader.Read(PurseTag.LogDigest, 0, 64).ToArray();
        return new ClearAuthorisationJson(clear.Authorisation.Purse.ToString(), clear.Authorisation.Counter, Hex.Encode(digest),
            Hex.Encode(clear.Signature));
    }

    public static HotlistJson Json(this SignedHotlist list) => new(list.Sequence,
        list.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [.. list.Purses.Select(p => p.ToString())], list.Text);

    public static HotlistEntryJson Json(this HotlistEntry entry) =>
        new(entry.Purse.ToString(), Kebab(entry.Reason), entry.Evidence, entry.Version, entry.Added);

    public static LostPaymentJson Json(this LostPayment payment, DateTimeOffset now)
    {
        PaymentDetails pd = payment.Details;
        long open = (long)((payment.ClosedAt ?? now) - payment.OpenedAt).TotalSeconds;
        return new LostPaymentJson(Hex.Encode(pd.Encoding), pd.From.ToString(), pd.FromSeq, pd.To.ToString(), pd.Value,
            CurrencyName(pd.Currency), Kebab(payment.State), payment.OpenedAt, payment.ClosedAt, Math.Max(0, open));
    }

    /// <summary><c>already-cleared</c>, <c>maybe-lost</c>, <c>unknown-purse</c>…</summary>
    public static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static string CurrencyName(CurrencyCode code) =>
        Currency.TryFromCode(code, out Currency? currency) ? currency.AlphaCode : code.ToString();
}
