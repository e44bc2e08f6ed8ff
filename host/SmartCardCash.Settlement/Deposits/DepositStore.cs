using System.Globalization;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Deposits;

/// <summary>The deposits' SQL inside a <see cref="BankTransaction"/>; it only moves rows.</summary>
internal static class DepositStore
{
    private const string Columns = "id AS Id, merchant_account_id AS MerchantAccountId, merchant_purse_id AS MerchantPurseId, " +
        "currency AS Currency, bank_purse_id AS BankPurseId, state AS State, amount AS Amount";

    public static Deposit? Find(BankTransaction tx, string id) =>
        tx.Single<DepositRow>($"SELECT {Columns} FROM deposits WHERE id = @Id", new { Id = id })?.ToDeposit();

    public static void Insert(BankTransaction tx, Deposit deposit) => tx.Execute(
        "INSERT INTO deposits (id, merchant_account_id, merchant_purse_id, currency, bank_purse_id, state, created_at, updated_at) " +
        "VALUES (@Id, @Account, @Purse, @Currency, @BankPurse, @State, @Now, @Now)",
        new
        {
            deposit.Id,
            Account = deposit.MerchantAccount.Value,
            Purse = deposit.MerchantPurse.ToString(),
            Currency = deposit.Currency.AlphaCode,
            BankPurse = deposit.BankPurse.ToString(),
            State = deposit.State.ToString(),
            Now = Stamp(tx),
        });

    /// <summary>The merchant account of the deposit whose bank purse logged <paramref name="pd"/> (its 02: the merchant's
    /// purse paid, the bank purse never got the val): the bank archived that record with the deposit as its source when it
    /// ended or reset the deposit's payment. Null when no deposit from that merchant purse logged exactly this payment.</summary>
    public static Ledger.AccountId? AccountOfLoggedDeposit(BankTransaction tx, Purse.Spec.PaymentDetails pd) =>
        Archive.ArchivedRecords.SourceOf(tx, pd.To, Purse.Spec.ExceptionReason.PayeeAbortedInEpv, pd) is string source &&
        source.StartsWith(BankDeposits.HolderOf(""), StringComparison.Ordinal) &&
        Find(tx, source[BankDeposits.HolderOf("").Length..]) is { } deposit && deposit.BankPurse == pd.To && deposit.MerchantPurse == pd.From
            ? deposit.MerchantAccount : null;

    /// <summary>Moves the deposit from the state it was read in to <paramref name="to"/> (with the amount and the payer's
    /// sequence number once credited); it must still be in that state.</summary>
    public static Deposit Move(BankTransaction tx, Deposit deposit, DepositState to, long? amount = null, long? payerSequence = null)
    {
        int rows = tx.Execute(
            "UPDATE deposits SET state = @To, amount = @Amount, payer_sequence = @PayerSequence, updated_at = @Now WHERE id = @Id AND state = @From",
            new { deposit.Id, To = to.ToString(), From = deposit.State.ToString(), Amount = amount, PayerSequence = payerSequence, Now = Stamp(tx) });
        BankPurseInvariants.Holds(rows == 1, $"deposit {deposit.Id} moved from {deposit.State} to {to} in {rows} rows");
        return deposit with { State = to, Amount = amount };
    }

    private static string Stamp(BankTransaction tx) => tx.Now.ToString("O", CultureInfo.InvariantCulture);
}
