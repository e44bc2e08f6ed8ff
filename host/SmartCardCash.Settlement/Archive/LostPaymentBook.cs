using System.Globalization;
using System.Security.Cryptography;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Loads;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Archive;

/// <summary>
/// The rules of PRG-126's archive, per PD, inside the caller's transaction (which holds the PD's lock, see
/// <c>PaymentLocks</c>): a payer's 01 sets the value aside in suspense (maybe lost); the payee's 02 for the same PD
/// then makes it definitely lost, refunded exactly once to the payer's linked account (or owed while there is none, or
/// while the payer is hotlisted; a later upload of either side refunds it once there is one); a cleared val closes
/// it as arrived and releases the suspense. A 01 alone is never refunded (spec 4.4(6)). Every posting's ID derives
/// from the PD (<c>lost/SHA-256(PD)</c>), so the ledger itself refuses a second refund.
/// </summary>
internal static class LostPaymentBook
{
    /// <summary>A payer's 01 for <paramref name="pd"/> is archived.</summary>
    public static ExceptionClassification PayerRecorded(BankTransaction tx, PaymentDetails pd)
    {
        if (Find(tx, pd) is LostPaymentRow row)
        {
            return (row.Parsed is LostPaymentState.MaybeLost or LostPaymentState.Owed) && HasRecord(tx, pd.To, ExceptionReason.PayeeAbortedInEpv, pd)
                ? DefinitelyLost(tx, pd, row)
                : Classification(row.Parsed);
        }
        Currency currency = Currency.FromCode(pd.Currency);
        TransferId key = KeyOf(pd);
        if (ValIsCleared(tx, pd))
        {
            Insert(tx, pd, LostPaymentState.Arrived, key, closed: true);
            return ExceptionClassification.Arrived;
        }
        foreach (NewAccount account in BankChart.SystemAccounts(currency))
        {
            BankLedger.Open(tx, account);
        }
        BankLedger.Submit(tx, BankPostings.ValueInFlight(key.With("in-flight"), currency, pd.Value, Reference(pd)));
        Insert(tx, pd, LostPaymentState.MaybeLost, key, closed: false);
        return HasRecord(tx, pd.To, ExceptionReason.PayeeAbortedInEpv, pd)
            ? DefinitelyLost(tx, pd, Find(tx, pd)!)
            : ExceptionClassification.MaybeLost;
    }

    /// <summary>A payee's 02 for <paramref name="pd"/> is archived.</summary>
    public static ExceptionClassification PayeeRecorded(BankTransaction tx, PaymentDetails pd) => Find(tx, pd) switch
    {
        null => ExceptionClassification.AwaitingPayerRecord,
        { Parsed: LostPaymentState.MaybeLost or LostPaymentState.Owed } row => DefinitelyLost(tx, pd, row),
        var row => Classification(row.Parsed),
    };

    /// <summary>A val for <paramref name="pd"/> was cleared: a maybe lost payment arrived after all.</summary>
    /// <returns>True when that closed an open maybe lost payment.</returns>
    public static bool ValCleared(BankTransaction tx, PaymentDetails pd)
    {
        if (Find(tx, pd) is not { Parsed: LostPaymentState.MaybeLost } row)
        {
            return false;
        }
        BankLedger.Submit(tx, BankPostings.ValueArrived(new TransferId(row.TransferKey).With("arrived"), Currency.FromCode(pd.Currency),
            pd.Value, Reference(pd)));
        Close(tx, pd, LostPaymentState.Arrived, null);
        return true;
    }

    /// <summary>Refunds an owed payment to <paramref name="account"/>.</summary>
    public static void Refund(BankTransaction tx, PaymentDetails pd, AccountId account)
    {
        LostPaymentRow row = Find(tx, pd)!;
        LedgerInvariants.Holds(row.Parsed is LostPaymentState.MaybeLost or LostPaymentState.Owed,
            $"lost payment {row.TransferKey} is refunded from state {row.State}");
        BankLedger.Submit(tx, BankPostings.RefundLostValue(new TransferId(row.TransferKey), Currency.FromCode(pd.Currency), account,
            pd.Value, Reference(pd)));
        Close(tx, pd, LostPaymentState.Refunded, account);
    }

    public static LostPaymentRow? Find(BankTransaction tx, PaymentDetails pd) =>
        tx.Single<LostPaymentRow>($"SELECT {LostPaymentRow.Columns} FROM lost_payments WHERE pd = @Pd", new { Pd = Hex.Encode(pd.Encoding) });

    public static TransferId KeyOf(PaymentDetails pd) => new($"lost/{Hex.Encode(SHA256.HashData(pd.Encoding))}");

    private static ExceptionClassification DefinitelyLost(BankTransaction tx, PaymentDetails pd, LostPaymentRow row)
    {
        if (RefundableAccount(tx, pd) is AccountId account)
        {
            Refund(tx, pd, account);
            return ExceptionClassification.Refunded;
        }
        if (row.Parsed != LostPaymentState.Owed)
        {
            tx.Execute("UPDATE lost_payments SET state = 'Owed' WHERE pd = @Pd AND state = 'MaybeLost'", new { Pd = Hex.Encode(pd.Encoding) });
        }
        return ExceptionClassification.Owed;
    }

    /// <summary>The payer's linked account, when it can take a refund in the payment's currency and the payer is not on
    /// the hotlist: a cloned purse's records are held for an operator (<c>RefundOwed</c>), never paid out unseen. A bank
    /// purse paid a load: the account that paid for that load (<see cref="LoadStore.AccountOfLoggedLoad"/>).</summary>
    private static AccountId? RefundableAccount(BankTransaction tx, PaymentDetails pd) =>
        !BankHotlist.IsListed(tx, pd.From) && (PurseAccounts.Find(tx, pd.From) ?? LoadStore.AccountOfLoggedLoad(tx, pd)) is AccountId id &&
        LedgerStore.FindAccount(tx, id) is
        { Kind: AccountKind.Customer or AccountKind.Merchant } account && account.Currency.Code == pd.Currency
            ? id : null;

    private static bool HasRecord(BankTransaction tx, PurseId purse, ExceptionReason reason, PaymentDetails pd) =>
        tx.Scalar<long>("SELECT COUNT(*) FROM exception_records WHERE purse_id = @Purse AND reason = @Reason AND pd = @Pd",
            new { Purse = purse.ToString(), Reason = (long)reason, Pd = Hex.Encode(pd.Encoding) }) > 0;

    private static bool ValIsCleared(BankTransaction tx, PaymentDetails pd) =>
        tx.Scalar<long>("SELECT COUNT(*) FROM cleared_vals WHERE pd = @Pd", new { Pd = Hex.Encode(pd.Encoding) }) > 0;

    private static void Insert(BankTransaction tx, PaymentDetails pd, LostPaymentState state, TransferId key, bool closed)
    {
        string now = tx.Now.ToString("O", CultureInfo.InvariantCulture);
        tx.Execute("INSERT INTO lost_payments (pd, payer_purse_id, payee_purse_id, currency, amount, state, transfer_key, opened_at, closed_at) " +
            "VALUES (@Pd, @Payer, @Payee, @Currency, @Amount, @State, @Key, @Now, @Closed)",
            new
            {
                Pd = Hex.Encode(pd.Encoding), Payer = pd.From.ToString(), Payee = pd.To.ToString(),
                Currency = Currency.FromCode(pd.Currency).AlphaCode, Amount = (long)pd.Value, State = state.ToString(), Key = key.Value,
                Now = now, Closed = closed ? now : null,
            });
    }

    private static void Close(BankTransaction tx, PaymentDetails pd, LostPaymentState state, AccountId? account)
    {
        int rows = tx.Execute("UPDATE lost_payments SET state = @State, refund_account = @Account, closed_at = @Now " +
            "WHERE pd = @Pd AND state IN ('MaybeLost', 'Owed')",
            new { State = state.ToString(), Account = account?.Value, Now = tx.Now.ToString("O", CultureInfo.InvariantCulture), Pd = Hex.Encode(pd.Encoding) });
        LedgerInvariants.Holds(rows == 1, $"closing lost payment {KeyOf(pd)} as {state} changed {rows} rows");
    }

    private static ExceptionClassification Classification(LostPaymentState state) => state switch
    {
        LostPaymentState.MaybeLost => ExceptionClassification.MaybeLost,
        LostPaymentState.Owed => ExceptionClassification.Owed,
        LostPaymentState.Refunded => ExceptionClassification.Refunded,
        _ => ExceptionClassification.Arrived,
    };

    private static string Reference(PaymentDetails pd) => $"payment {pd.From}:{pd.FromSeq} to {pd.To}";
}
