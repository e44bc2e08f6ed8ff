using System.Globalization;
using System.Security.Cryptography;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Loads;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Archive;

/// <summary>
/// The rules of PRG-126's archive, per PD, inside the caller's transaction (which holds the PD's lock, see
/// <c>PaymentLocks</c>), judged each time from everything the bank holds for the PD: a payer's 01 alone is maybe lost,
/// archived and posted nowhere; the payee's 02 for the same PD then makes it definitely lost, its funds set aside and
/// refunded exactly once to the payer's linked account in one chain (or set aside and owed while there is none, or
/// while the payer is hotlisted; a later upload of either side refunds it once there is one); the payee's verified ack
/// (<see cref="ArrivalEvidence"/>) closes it as arrived. A val without a verified ack proves nothing: any relaying host holds one, so the payee's 02
/// always beats it. A verified ack and a 02 for one PD hotlist the payee as cloned. A 01 alone is never refunded (spec
/// 4.4(6)). Every posting's ID derives from the PD (<c>lost/SHA-256(PD)</c>), so the ledger itself refuses a second refund.
/// </summary>
internal static class LostPaymentBook
{
    /// <summary>A record or a val for <paramref name="pd"/> was stored: judges the payment again with everything held.
    /// Idempotent: judging it again changes nothing.</summary>
    public static LostPaymentJudgement Judge(BankTransaction tx, CertificateRegistry registry, PaymentDetails pd)
    {
        string? ack = ArrivalEvidence.VerifiedAck(tx, registry, pd);
        bool payeeCloned = ArrivalEvidence.ListPayeeIfCloned(tx, pd, ack);
        bool definitelyLost = ArrivalEvidence.PayeeRecord(tx, pd) is not null;
        LostPaymentRow? row = Find(tx, pd);
        if (row is null)
        {
            if (!HasRecord(tx, pd.From, ExceptionReason.PayerAbortedInEpa, pd))
            {
                return new(definitelyLost ? ExceptionClassification.AwaitingPayerRecord : null, ClosedAsArrived: false, payeeCloned);
            }
            if (ack is not null)
            {
                Insert(tx, pd, LostPaymentState.Arrived, KeyOf(pd), closed: true);
                return new(ExceptionClassification.Arrived, ClosedAsArrived: false, payeeCloned);
            }
            // Archived only: a 01 alone proves nothing and costs its maker nothing (abort, then RESUME, between two
            // own cards), so it moves no funds; the audit shows it from the archive.
            Insert(tx, pd, LostPaymentState.MaybeLost, KeyOf(pd), closed: false);
            row = Find(tx, pd)!;
        }
        if ((row.Parsed is LostPaymentState.MaybeLost or LostPaymentState.Owed) && ack is not null)
        {
            if (row.Parsed == LostPaymentState.Owed)
            {
                // Only an owed payment set funds aside (a clone of the payee took the value after all).
                BankLedger.Submit(tx, BankPostings.ValueArrived(new TransferId(row.TransferKey).With("arrived"), Currency.FromCode(pd.Currency),
                    pd.Value, Reference(pd)));
            }
            Close(tx, pd, LostPaymentState.Arrived, null);
            return new(ExceptionClassification.Arrived, ClosedAsArrived: true, payeeCloned);
        }
        return new((row.Parsed is LostPaymentState.MaybeLost or LostPaymentState.Owed) && definitelyLost
            ? DefinitelyLost(tx, pd, row)
            : Classification(row.Parsed), ClosedAsArrived: false, payeeCloned);
    }

    /// <summary>Refunds a definitely lost payment to <paramref name="account"/>: one chain that sets its funds aside
    /// (unless it was owed, whose funds are set aside already) and refunds them, keyed by the PD, so once.</summary>
    public static void Refund(BankTransaction tx, PaymentDetails pd, AccountId account)
    {
        LostPaymentRow row = Find(tx, pd)!;
        LedgerInvariants.Holds(row.Parsed is LostPaymentState.MaybeLost or LostPaymentState.Owed,
            $"lost payment {row.TransferKey} is refunded from state {row.State}");
        Currency currency = Currency.FromCode(pd.Currency);
        var key = new TransferId(row.TransferKey);
        IReadOnlyList<TransferRequest> refund = BankPostings.RefundLostValue(key, currency, account, pd.Value, Reference(pd));
        BankLedger.Submit(tx, row.Parsed == LostPaymentState.Owed ? refund : [.. SetAside(tx, key, pd), .. refund]);
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
            // Definitely lost (two signed records, the payer's value really gone): its funds set aside until refunded.
            BankLedger.Submit(tx, SetAside(tx, new TransferId(row.TransferKey), pd));
            tx.Execute("UPDATE lost_payments SET state = 'Owed' WHERE pd = @Pd AND state = 'MaybeLost'", new { Pd = Hex.Encode(pd.Encoding) });
        }
        return ExceptionClassification.Owed;
    }

    /// <summary>The account the payment is refunded to, when it can take a refund in the payment's currency and the
    /// payer is not on the hotlist: a cloned purse's records are held for an operator (<c>RefundOwed</c>), never paid
    /// out unseen.</summary>
    private static AccountId? RefundableAccount(BankTransaction tx, PaymentDetails pd) =>
        !BankHotlist.IsListed(tx, pd.From) && PayersAccount(tx, pd) is AccountId id && LedgerStore.FindAccount(tx, id) is
        { Kind: AccountKind.Customer or AccountKind.Merchant } account && account.Currency.Code == pd.Currency
            ? id : null;

    /// <summary>
    /// Whose money the payment was. When a bank purse took part, the account of that very payment: the load a bank purse
    /// paid (<see cref="LoadStore.AccountOfLoggedLoad"/>), the deposit a bank purse waited for
    /// (<see cref="DepositStore.AccountOfLoggedDeposit"/>), never a link someone else could have set. Between two cards,
    /// the account that last loaded value into the payer's purse (<see cref="PurseAccounts"/>).
    /// </summary>
    private static AccountId? PayersAccount(BankTransaction tx, PaymentDetails pd) =>
        BankPurseStore.Find(tx, pd.From) is not null ? LoadStore.AccountOfLoggedLoad(tx, pd)
        : BankPurseStore.Find(tx, pd.To) is not null ? DepositStore.AccountOfLoggedDeposit(tx, pd)
        : PurseAccounts.Find(tx, pd.From);

    /// <summary>The funds behind a definitely lost payment moved into suspense (<c>ValueInFlight</c>).</summary>
    private static IReadOnlyList<TransferRequest> SetAside(BankTransaction tx, TransferId key, PaymentDetails pd)
    {
        Currency currency = Currency.FromCode(pd.Currency);
        foreach (NewAccount account in BankChart.SystemAccounts(currency))
        {
            BankLedger.Open(tx, account);
        }
        return BankPostings.ValueInFlight(key.With("in-flight"), currency, pd.Value, Reference(pd));
    }

    private static bool HasRecord(BankTransaction tx, PurseId purse, ExceptionReason reason, PaymentDetails pd) =>
        tx.Scalar<long>("SELECT COUNT(*) FROM exception_records WHERE purse_id = @Purse AND reason = @Reason AND pd = @Pd",
            new { Purse = purse.ToString(), Reason = (long)reason, Pd = Hex.Encode(pd.Encoding) }) > 0;

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
