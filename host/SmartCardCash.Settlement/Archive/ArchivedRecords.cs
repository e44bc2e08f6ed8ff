using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Archive;

/// <summary>The archived exception records' SQL that other parts of the bank read: who gave a record.</summary>
internal static class ArchivedRecords
{
    /// <summary>Who gave <paramref name="purse"/>'s record of <paramref name="pd"/>: <c>upload</c>, or the payment a bank
    /// purse logged it for (<c>load:ID</c>, <c>deposit:ID</c>); null when it is not archived.</summary>
    public static string? SourceOf(BankTransaction tx, PurseId purse, ExceptionReason reason, PaymentDetails pd) => tx.Single<string>(
        "SELECT source FROM exception_records WHERE purse_id = @Purse AND reason = @Reason AND pd = @Pd",
        new { Purse = purse.ToString(), Reason = (long)reason, Pd = Hex.Encode(pd.Encoding) });
}
