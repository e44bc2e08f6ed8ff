using SmartCardCash.Settlement.Storage.Migrations;

namespace SmartCardCash.Settlement.Tests;

/// <summary>The schema: every migration applied once and recorded, a database newer than the code refused, and
/// SQLite's durable settings.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class MigrationTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void Opening_applies_every_migration_once_however_often_and_however_many_open_at_once(StorageProvider provider)
    {
        string? folder = null, database = null;
        StorageLocation location = provider == StorageProvider.Sqlite
            ? StorageLocation.Sqlite(Path.Combine(folder = Path.Combine(Path.GetTempPath(), $"scc-bank-test-{Guid.NewGuid():N}"), "bank.db"))
            : StorageLocation.Parse(storage.Postgres.ConnectionString(database = storage.Postgres.CreateDatabase()));
        try
        {
            long[] versions = new long[4];
            Parallel.For(0, versions.Length, i => versions[i] = BankDatabase.Open(location).SchemaVersion);
            BankDatabase reopened = BankDatabase.Open(location);

            Assert.All(versions, v => Assert.Equal(Migration.Latest, v));
            Assert.Equal(Migration.All.Select(m => m.Version),
                reopened.Read(tx => tx.Query<long>("SELECT version FROM schema_version ORDER BY version")));
            Assert.Equal("0001_ledger", reopened.Read(tx => tx.Scalar<string>("SELECT name FROM schema_version WHERE version = 1")));
            Assert.Empty(new BankLedger(reopened).Accounts());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
            if (database is not null)
            {
                storage.Postgres.DropDatabase(database);
            }
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_database_newer_than_the_code_is_refused_and_left_as_it_is(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        long newer = Migration.Latest + 1;
        bank.Tamper($"INSERT INTO schema_version (version, name, applied_at) VALUES ({newer}, '{newer:0000}_future', 'later')");

        SchemaTooNewException refused = Assert.Throws<SchemaTooNewException>(() => BankDatabase.Open(bank.Location));

        Assert.Equal($"the bank's database, {bank.Location.Server}, has schema version {newer}, newer than this program knows " +
            $"({Migration.Latest}): use the newer program that wrote it.", refused.Message);
        Assert.Equal((newer, Migration.Latest, bank.Location.Server), (refused.DatabaseVersion, refused.CodeVersion, refused.Server));
        Assert.Equal(newer, bank.Database.Read(tx => tx.Scalar<long>("SELECT MAX(version) FROM schema_version")));
    }

    [Fact]
    public void A_SQLite_database_is_in_WAL_mode_with_full_synchronous_commits_in_owner_only_files()
    {
        using TestBank bank = TestBank.OnSqlite();

        Assert.Equal("wal", bank.Database.Read(tx => tx.Scalar<string>("PRAGMA journal_mode")));
        Assert.Equal(2, bank.Database.Read(tx => tx.Scalar<long>("PRAGMA synchronous"))); // 2 = FULL
        Assert.True(bank.Database.Read(tx => tx.Scalar<long>("PRAGMA busy_timeout")) >= 1_000);
        Assert.Equal(1, bank.Database.Read(tx => tx.Scalar<long>("PRAGMA foreign_keys")));
        string folder = Path.GetDirectoryName(bank.Location.Server["SQLite file ".Length..])!;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            // The books and the bank purses' card images: the file and its WAL are the owner's alone, whatever the umask.
            string file = bank.Location.Server["SQLite file ".Length..];
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file + "-wal"));
        }
    }

    [Fact]
    public void The_migrations_are_numbered_from_one_without_a_gap()
    {
        Assert.Equal(Enumerable.Range(1, Migration.All.Count).Select(i => (long)i), Migration.All.Select(m => m.Version));
        Assert.All(Migration.All, m => Assert.StartsWith($"{m.Version:0000}_", m.Name, StringComparison.Ordinal));
    }
}
