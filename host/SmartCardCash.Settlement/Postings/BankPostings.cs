using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Postings;

/// <summary>
/// What each of the bank's flows posts, as the chains <see cref="BankLedger.Submit(IReadOnlyList{TransferRequest})"/> records: the table in
/// docs/bank.md, in code. Each chain's transfer IDs derive from one key (the client's request ID or the flow's natural
/// key), so a retried flow is a retried chain. Each flow keeps both audit invariants: minted = bank purses +
/// outstanding, and float + suspense = outstanding.
/// </summary>
public static class BankPostings
{
    /// <summary>Value minted into a bank purse.</summary>
    public static IReadOnlyList<TransferRequest> Mint(TransferId key, Currency currency, string bankPurseId, long amount, string? reference = null) =>
        [TransferRequest.Single(key, BankChart.BankPurse(currency, bankPurseId), BankChart.Minted(currency), amount, currency, TransferCode.Mint, reference)];

    /// <summary>Cash paid in at a teller, credited to an account.</summary>
    public static IReadOnlyList<TransferRequest> CashIn(TransferId key, Currency currency, AccountId account, long amount, string? reference = null) =>
        [TransferRequest.Single(key, BankChart.Cash(currency), account, amount, currency, TransferCode.CashIn, reference)];

    /// <summary>A load authorised: the amount reserved on the account (it cannot be spent twice), nothing moved yet.
    /// The pending transfer's ID is <paramref name="key"/>.</summary>
    public static IReadOnlyList<TransferRequest> AuthoriseLoad(TransferId key, Currency currency, AccountId account, long amount, string? reference = null) =>
        [TransferRequest.Pending(key, account, BankChart.Float(currency), amount, currency, TransferCode.Load, reference)];

    /// <summary>The bank purse debited itself for the load: the reservation posted, and the value counted outstanding.
    /// Committed in the transaction that writes the bank purse's debit.</summary>
    public static IReadOnlyList<TransferRequest> CompleteLoad(TransferId key, Currency currency, string bankPurseId, long amount, string? reference = null) =>
    [
        TransferRequest.Post(key.With("posted"), key, amount, reference),
        TransferRequest.Single(key.With("value"), BankChart.Outstanding(currency), BankChart.BankPurse(currency, bankPurseId),
            amount, currency, TransferCode.LoadValue, reference),
    ];

    /// <summary>The load never debited the bank purse: the reservation released.</summary>
    public static IReadOnlyList<TransferRequest> CancelLoad(TransferId key, string? reference = null) =>
        [TransferRequest.Void(key.With("voided"), key, reference)];

    /// <summary>A merchant's card paid <paramref name="amount"/> into a bank purse: the value back in the bank, the
    /// merchant credited the amount less its fee, the fee to fee income.</summary>
    public static IReadOnlyList<TransferRequest> Deposit(TransferId key, Account merchant, string bankPurseId, long amount, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        FeeRate rate = merchant is { Kind: AccountKind.Merchant, FeeRate: FeeRate r }
            ? r : throw new ArgumentException($"account {merchant.Id} is not a merchant account.", nameof(merchant));
        Currency currency = merchant.Currency;
        long fee = rate.FeeOn(amount);
        var chain = new List<TransferRequest>
        {
            TransferRequest.Single(key.With("value"), BankChart.BankPurse(currency, bankPurseId), BankChart.Outstanding(currency),
                amount, currency, TransferCode.DepositValue, reference),
        };
        if (amount - fee > 0)
        {
            chain.Add(TransferRequest.Single(key.With("merchant"), BankChart.Float(currency), merchant.Id, amount - fee, currency,
                TransferCode.Deposit, reference));
        }
        if (fee > 0)
        {
            chain.Add(TransferRequest.Single(key.With("fee"), BankChart.Float(currency), BankChart.FeeIncome(currency), fee, currency,
                TransferCode.DepositFee, reference));
        }
        return chain;
    }

    /// <summary>A payment proven definitely lost (the payer's 01 and the payee's 02): the funds behind that value set aside
    /// in suspense, in the refund's own chain or, while the refund is owed, alone. Never for a 01 alone: that moves nothing.</summary>
    public static IReadOnlyList<TransferRequest> ValueInFlight(TransferId key, Currency currency, long amount, string? reference = null) =>
        [TransferRequest.Single(key, BankChart.Float(currency), BankChart.Suspense(currency), amount, currency, TransferCode.ValueInFlight, reference)];

    /// <summary>Value set aside as owed was found to have arrived (the payee's verified ack): the funds back to the float.</summary>
    public static IReadOnlyList<TransferRequest> ValueArrived(TransferId key, Currency currency, long amount, string? reference = null) =>
        [TransferRequest.Single(key, BankChart.Suspense(currency), BankChart.Float(currency), amount, currency, TransferCode.ValueArrived, reference)];

    /// <summary>Value definitely lost (payer's 01 and payee's 02 for one payment) refunded to the payer's account out of
    /// suspense, and the lost value written off the e-value book. Suspense must hold it: the ledger refuses a refund
    /// of value that was never set aside as in flight.</summary>
    public static IReadOnlyList<TransferRequest> RefundLostValue(TransferId key, Currency currency, AccountId account, long amount, string? reference = null) =>
    [
        TransferRequest.Single(key.With("refund"), BankChart.Suspense(currency), account, amount, currency, TransferCode.Refund, reference),
        TransferRequest.Single(key.With("written-off"), BankChart.Minted(currency), BankChart.Outstanding(currency), amount, currency,
            TransferCode.LostValueWrittenOff, reference),
    ];
}
