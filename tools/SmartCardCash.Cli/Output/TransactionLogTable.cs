using System.Globalization;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Output;

/// <summary>
/// The transaction-log table, one for <c>scc log</c> and the demo's "(scc log --card shop)", so the two cannot drift.
/// The order digest is cut to its first 16 hex digits to keep the table within a terminal; JSON carries it whole.
/// </summary>
internal static class TransactionLogTable
{
    private const int ShownDigestDigits = 16;

    public static Table Create(IEnumerable<TransactionLogEntry> entries, PurseId? self)
    {
        Table table = PurseTables.Create("#", "Type", "Counterparty", "Amount", "From seq", "To seq", "Balance after", "Order digest");
        foreach (int column in new[] { 0, 3, 4, 5, 6 })
        {
            table.Columns[column].RightAligned();
        }
        foreach (TransactionLogEntry entry in entries)
        {
            TransactionRecord record = entry.Record;
            PaymentDetails pd = record.Details;
            table.AddRow(Number(entry.Index), PurseFormats.TransactionType(record.Type), Counterparty(record, self) ?? "issuer",
                new Money(pd.Currency, pd.Value).ToString(), Number(pd.FromSeq), Number(pd.ToSeq),
                new Money(pd.Currency, record.BalanceAfter).ToString(),
                pd.HasOrderDigest ? Hex.Encode(pd.OrderDigest.Span)[..ShownDigestDigits] + "…" : "");
        }
        return table;
    }

    /// <summary>The other purse of a transfer; null for a mint (the issuer).</summary>
    public static string? Counterparty(TransactionRecord record, PurseId? self) => record.Type switch
    {
        TransactionRecordType.Minted => null,
        TransactionRecordType.Sent => record.Details.To.ToString(),
        _ => record.Details.From == self ? record.Details.To.ToString() : record.Details.From.ToString(),
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
