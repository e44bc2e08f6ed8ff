using System.Globalization;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Loads;

/// <summary>The loads' SQL inside a <see cref="BankTransaction"/>; it only moves rows.</summary>
internal static class LoadStore
{
    private const string Columns = "id AS Id, account_id AS AccountId, payee_purse_id AS PayeePurseId, currency AS Currency, " +
        "amount AS Amount, bank_purse_id AS BankPurseId, state AS State";

    public static Load? Find(BankTransaction tx, string id) =>
        tx.Single<LoadRow>($"SELECT {Columns} FROM loads WHERE id = @Id", new { Id = id })?.ToLoad();

    public static void Insert(BankTransaction tx, Load load) => tx.Execute(
        "INSERT INTO loads (id, account_id, payee_purse_id, currency, amount, bank_purse_id, state, created_at, updated_at) " +
        "VALUES (@Id, @Account, @Payee, @Currency, @Amount, @BankPurse, @State, @Now, @Now)",
        new
        {
            load.Id,
            Account = load.Account.Value,
            Payee = load.Payee.ToString(),
            Currency = load.Currency.AlphaCode,
            load.Amount,
            BankPurse = load.BankPurse.ToString(),
            State = load.State.ToString(),
            Now = tx.Now.ToString("O", CultureInfo.InvariantCulture),
        });

    /// <summary>
    /// The account that paid for the load whose bank purse logged <paramref name="pd"/> (a 01: the bank aborted it after
    /// the debit): the loads of that bank purse into that payee, of that amount and currency, that ended
    /// <see cref="LoadState.ValueLogged"/>. Null unless exactly one account is theirs (then an operator decides).
    /// </summary>
    public static Ledger.AccountId? AccountOfLoggedLoad(BankTransaction tx, Purse.Spec.PaymentDetails pd)
    {
        List<string> accounts = tx.Query<string>("SELECT DISTINCT account_id FROM loads WHERE bank_purse_id = @BankPurse AND " +
            "payee_purse_id = @Payee AND amount = @Amount AND state = @State",
            new { BankPurse = pd.From.ToString(), Payee = pd.To.ToString(), Amount = (long)pd.Value, State = nameof(LoadState.ValueLogged) });
        return accounts.Count == 1 && Purse.Spec.Currency.TryFromCode(pd.Currency, out _) ? new Ledger.AccountId(accounts[0]) : null;
    }

    /// <summary>Moves the load from the state it was read in to <paramref name="to"/>; it must still be in that state.</summary>
    public static Load Move(BankTransaction tx, Load load, LoadState to)
    {
        int rows = tx.Execute("UPDATE loads SET state = @To, updated_at = @Now WHERE id = @Id AND state = @From",
            new { load.Id, To = to.ToString(), From = load.State.ToString(), Now = tx.Now.ToString("O", CultureInfo.InvariantCulture) });
        BankPurses.BankPurseInvariants.Holds(rows == 1, $"load {load.Id} moved from {load.State} to {to} in {rows} rows");
        return load with { State = to };
    }
}
