using Microsoft.Data.Sqlite;
using Npgsql;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Testing;

/// <summary>
/// A fresh bank database for one test, SQLite or PostgreSQL, opened (so migrated) with its ledger and EUR's system
/// accounts; deleted on <see cref="Dispose"/>. <see cref="Tamper"/> writes SQL behind the ledger's back, as an
/// attacker or a bug would.
/// </summary>
public sealed class TestBank : IDisposable
{
    public static readonly Currency Eur = Currency.Eur;

    /// <summary>The bank purse <see cref="Load"/> pays from.</summary>
    public const string BankPurseId = "5343430A00000001";

    private readonly Action _delete;

    private TestBank(StorageProvider provider, StorageLocation location, TimeProvider? time, Action delete)
    {
        Provider = provider;
        Location = location;
        _delete = delete;
        Database = BankDatabase.Open(location, time);
        Ledger = new BankLedger(Database);
        foreach (NewAccount account in BankChart.SystemAccounts(Eur))
        {
            Ledger.Open(account);
        }
    }

    public StorageProvider Provider { get; }

    public StorageLocation Location { get; }

    public BankDatabase Database { get; }

    public BankLedger Ledger { get; }

    public static TestBank OnSqlite(TimeProvider? time = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"scc-bank-test-{Guid.NewGuid():N}");
        StorageLocation location = StorageLocation.Sqlite(Path.Combine(folder, "bank.db"));
        return new TestBank(StorageProvider.Sqlite, location, time, () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        });
    }

    public static TestBank OnPostgres(PrivatePostgres server, TimeProvider? time = null)
    {
        string name = server.CreateDatabase();
        StorageLocation location = StorageLocation.Parse(server.ConnectionString(name));
        return new TestBank(StorageProvider.Postgres, location, time, () =>
        {
            using (var connection = new NpgsqlConnection(location.ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }
            server.DropDatabase(name);
        });
    }

    /// <summary>A customer account, with <paramref name="cash"/> paid in if more than 0.</summary>
    public AccountId Customer(string name, long cash = 0)
    {
        var id = new AccountId($"customer.{name}");
        Ledger.Open(new NewAccount(id, Eur, AccountKind.Customer));
        if (cash > 0)
        {
            Ledger.Submit(BankPostings.CashIn(new TransferId($"cash-in.{name}"), Eur, id, cash));
        }
        return id;
    }

    /// <summary>A bank purse's account, with <paramref name="minted"/> minted into it if more than 0.</summary>
    public AccountId BankPurse(string purseId, long minted = 0)
    {
        AccountId id = BankChart.BankPurse(Eur, purseId);
        Ledger.Open(new NewAccount(id, Eur, AccountKind.BankPurse));
        if (minted > 0)
        {
            Ledger.Submit(BankPostings.Mint(new TransferId($"mint.{purseId}"), Eur, purseId, minted));
        }
        return id;
    }

    /// <summary>A whole load of <paramref name="amount"/> from <paramref name="account"/>: authorised, then completed
    /// from <see cref="BankPurseId"/> (whose account must exist).</summary>
    public SubmitResult[] Load(string key, AccountId account, long amount) =>
    [
        Ledger.Submit(BankPostings.AuthoriseLoad(new(key), Eur, account, amount)),
        Ledger.Submit(BankPostings.CompleteLoad(new(key), Eur, BankPurseId, amount)),
    ];

    public AccountBalance Balance(AccountId id) => (Ledger.FindAccount(id) ?? throw new InvalidOperationException($"no account {id}")).Balance;

    public void Tamper(string sql) => Database.Write(tx => tx.Execute(sql));

    /// <summary>How many rows <paramref name="table"/> holds (a test's own constant name, never input).</summary>
    public long Rows(string table) => Database.Read(tx => tx.Scalar<long>($"SELECT COUNT(*) FROM {table}"));

    public void Dispose() => _delete();
}
