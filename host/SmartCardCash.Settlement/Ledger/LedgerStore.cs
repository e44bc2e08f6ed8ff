using System.Globalization;
using Dapper;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>The ledger's SQL: reading, locking and writing accounts and transfers inside a <see cref="BankTransaction"/>.
/// No rule lives here; <see cref="TransferPoster"/> decides, this only moves rows.</summary>
internal static class LedgerStore
{
    public const string AccountColumns =
        "id AS Id, currency AS Currency, kind AS Kind, flags AS Flags, fee_basis_points AS FeeBasisPoints, " +
        "fee_fixed AS FeeFixed, debits_pending AS DebitsPending, debits_posted AS DebitsPosted, " +
        "credits_pending AS CreditsPending, credits_posted AS CreditsPosted, created_at AS CreatedAt";

    public const string TransferColumns =
        "id AS Id, phase AS Phase, debit_account_id AS DebitAccountId, credit_account_id AS CreditAccountId, " +
        "amount AS Amount, currency AS Currency, code AS Code, pending_id AS PendingId, reference AS Reference, " +
        "chain_id AS ChainId, chain_index AS ChainIndex, created_at AS CreatedAt";

    public static Account? FindAccount(BankTransaction tx, AccountId id, bool forUpdate = false) =>
        tx.Single<AccountRow>($"SELECT {AccountColumns} FROM accounts WHERE id = @Id{(forUpdate ? tx.Dialect.ForUpdate : "")}",
            new { Id = id.Value })?.ToAccount();

    /// <summary>The accounts, locked until the transaction ends, in ID order so that two writers never wait on each
    /// other in a circle. Missing accounts are missing from the result.</summary>
    public static Dictionary<AccountId, Account> LockAccounts(BankTransaction tx, IEnumerable<AccountId> ids)
    {
        var accounts = new Dictionary<AccountId, Account>();
        foreach (AccountId id in ids.Distinct().OrderBy(i => i.Value, StringComparer.Ordinal))
        {
            if (FindAccount(tx, id, forUpdate: true) is Account account)
            {
                accounts[id] = account;
            }
        }
        return accounts;
    }

    public static List<Account> Accounts(BankTransaction tx, Currency? currency) =>
        [.. tx.Query<AccountRow>($"SELECT {AccountColumns} FROM accounts WHERE @Currency IS NULL OR currency = @Currency ORDER BY id",
            new { Currency = currency?.AlphaCode }).Select(r => r.ToAccount())];

    public static void InsertAccount(BankTransaction tx, NewAccount account) => tx.Execute(
        "INSERT INTO accounts (id, currency, kind, flags, fee_basis_points, fee_fixed, created_at) " +
        "VALUES (@Id, @Currency, @Kind, @Flags, @FeeBasisPoints, @FeeFixed, @CreatedAt)",
        new
        {
            Id = account.Id.Value,
            Currency = account.Currency.AlphaCode,
            Kind = account.Kind.ToString(),
            Flags = (long)account.Flags,
            FeeBasisPoints = (long?)account.FeeRate?.BasisPoints,
            FeeFixed = account.FeeRate?.FixedMinorUnits,
            CreatedAt = tx.Now.ToString("O", CultureInfo.InvariantCulture),
        });

    public static void UpdateBalance(BankTransaction tx, AccountId id, AccountBalance balance)
    {
        int rows = tx.Execute(
            "UPDATE accounts SET debits_pending = @DebitsPending, debits_posted = @DebitsPosted, " +
            "credits_pending = @CreditsPending, credits_posted = @CreditsPosted WHERE id = @Id",
            new { Id = id.Value, balance.DebitsPending, balance.DebitsPosted, balance.CreditsPending, balance.CreditsPosted });
        LedgerInvariants.Holds(rows == 1, $"the balance of {id} was written to {rows} rows");
    }

    public static Transfer? FindTransfer(BankTransaction tx, TransferId id) =>
        tx.Single<TransferRow>($"SELECT {TransferColumns} FROM transfers WHERE id = @Id", new { Id = id.Value })?.ToTransfer();

    /// <summary>Those of <paramref name="ids"/> that exist, read in one statement: one snapshot even at READ COMMITTED,
    /// so a chain another writer commits meanwhile is seen whole or not at all.</summary>
    public static Dictionary<TransferId, Transfer> FindTransfers(BankTransaction tx, IReadOnlyList<TransferId> ids)
    {
        // One parameter per ID: Npgsql would bind a list as one array parameter, which IN does not take.
        var parameters = new DynamicParameters();
        for (int i = 0; i < ids.Count; i++)
        {
            parameters.Add($"Id{i}", ids[i].Value);
        }
        string list = string.Join(", ", ids.Select((_, i) => $"@Id{i}"));
        return tx.Query<TransferRow>($"SELECT {TransferColumns} FROM transfers WHERE id IN ({list})", parameters)
            .Select(r => r.ToTransfer()).ToDictionary(t => t.Id);
    }

    /// <summary>The post or void that resolved <paramref name="pendingId"/>, if any.</summary>
    public static Transfer? FindResolution(BankTransaction tx, TransferId pendingId) =>
        tx.Single<TransferRow>($"SELECT {TransferColumns} FROM transfers WHERE pending_id = @Id", new { Id = pendingId.Value })?.ToTransfer();

    public static List<Transfer> TransfersOf(BankTransaction tx, AccountId account) =>
        [.. tx.Query<TransferRow>($"SELECT {TransferColumns} FROM transfers WHERE debit_account_id = @Id OR credit_account_id = @Id " +
            "ORDER BY created_at, chain_id, chain_index", new { Id = account.Value }).Select(r => r.ToTransfer())];

    public static void InsertTransfer(BankTransaction tx, Transfer transfer) => tx.Execute(
        "INSERT INTO transfers (id, phase, debit_account_id, credit_account_id, amount, currency, code, pending_id, reference, " +
        "chain_id, chain_index, created_at) VALUES (@Id, @Phase, @DebitAccountId, @CreditAccountId, @Amount, @Currency, @Code, " +
        "@PendingId, @Reference, @ChainId, @ChainIndex, @CreatedAt)",
        TransferRow.From(transfer));
}
