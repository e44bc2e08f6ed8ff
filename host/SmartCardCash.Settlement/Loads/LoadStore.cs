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
    /// The account of the load whose bank purse logged <paramref name="pd"/> (its 01: the purse paid and never got the
    /// card's ack): the bank archived that record with the load as its source when it ended the load. Null when no
    /// load of this bank purse into that payee logged exactly this payment (an operator decides).
    /// </summary>
    public static Ledger.AccountId? AccountOfLoggedLoad(BankTransaction tx, Purse.Spec.PaymentDetails pd) =>
        Archive.ArchivedRecords.SourceOf(tx, pd.From, Purse.Spec.ExceptionReason.PayerAbortedInEpa, pd) is string source &&
        source.StartsWith(BankLoads.HolderOf(""), StringComparison.Ordinal) &&
        Find(tx, source[BankLoads.HolderOf("").Length..]) is { } load && load.BankPurse == pd.From && load.Payee == pd.To
            ? load.Account : null;

    /// <summary>Moves the load from the state it was read in to <paramref name="to"/>; it must still be in that state.</summary>
    public static Load Move(BankTransaction tx, Load load, LoadState to)
    {
        int rows = tx.Execute("UPDATE loads SET state = @To, updated_at = @Now WHERE id = @Id AND state = @From",
            new { load.Id, To = to.ToString(), From = load.State.ToString(), Now = tx.Now.ToString("O", CultureInfo.InvariantCulture) });
        BankPurses.BankPurseInvariants.Holds(rows == 1, $"load {load.Id} moved from {load.State} to {to} in {rows} rows");
        return load with { State = to };
    }
}
