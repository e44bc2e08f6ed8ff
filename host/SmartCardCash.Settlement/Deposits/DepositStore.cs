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

    /// <summary>The merchant account of the one deposit whose bank purse logged <paramref name="pd"/> (the merchant's
    /// purse paid it, the bank purse never got the val): a definitely lost deposit is refunded there. Null when no
    /// such deposit, or more than one account, fits: the refund is then held for an operator.</summary>
    public static Ledger.AccountId? AccountOfLoggedDeposit(BankTransaction tx, Purse.Spec.PaymentDetails pd)
    {
        List<string> accounts = tx.Query<string>("SELECT DISTINCT merchant_account_id FROM deposits WHERE bank_purse_id = @BankPurse AND " +
            "merchant_purse_id = @Payer AND currency = @Currency AND state = @State",
            new
            {
                BankPurse = pd.To.ToString(),
                Payer = pd.From.ToString(),
                Currency = Purse.Spec.Currency.TryFromCode(pd.Currency, out Purse.Spec.Currency? currency) ? currency.AlphaCode : "",
                State = nameof(DepositState.ValueLogged),
            });
        return accounts.Count == 1 ? new Ledger.AccountId(accounts[0]) : null;
    }

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
