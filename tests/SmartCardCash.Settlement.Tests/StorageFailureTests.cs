using System.Net;
using System.Net.Sockets;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests;

/// <summary>A database that is down, unreachable or unusable is one clear sentence that names it, never a raw stack trace.</summary>
public sealed class StorageFailureTests
{
    [PostgresFact]
    public void A_stopped_PostgreSQL_server_is_a_clear_error_that_names_it_and_the_ledger_works_again_once_it_is_back()
    {
        using var server = new PrivatePostgres();
        string database = server.CreateDatabase();
        string target = server.ConnectionString(database);
        var ledger = new BankLedger(BankDatabase.Open(target));
        ledger.Open(BankChart.SystemAccounts(Currency.Eur)[0]);
        string name = $"PostgreSQL at 127.0.0.1:{server.Port}, database {database}";

        server.Stop();
        BankStorageException during = Assert.Throws<BankStorageException>(() => ledger.Accounts());
        BankStorageException opening = Assert.Throws<BankStorageException>(() => BankDatabase.Open(target));
        server.Start();

        Assert.All([during, opening], e =>
        {
            Assert.Equal(name, e.Server);
            Assert.StartsWith($"the bank's database, {name}, ", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        });
        Assert.Matches("cannot be reached|is not available", during.Message);
        Assert.Contains("cannot be reached", opening.Message, StringComparison.Ordinal);
        Assert.Single(Retrying(() => ledger.Accounts()));
    }

    [Fact]
    public void An_unreachable_PostgreSQL_server_is_a_clear_error_that_names_it()
    {
        int port = UnusedPort();

        BankStorageException refused = Assert.Throws<BankStorageException>(() =>
            BankDatabase.Open($"postgres://scc:secret@127.0.0.1:{port}/bank"));

        Assert.Equal($"PostgreSQL at 127.0.0.1:{port}, database bank", refused.Server);
        Assert.StartsWith($"the bank's database, PostgreSQL at 127.0.0.1:{port}, database bank, cannot be reached: ", refused.Message,
            StringComparison.Ordinal);
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_SQLite_file_whose_folder_cannot_be_made_is_a_clear_error_that_names_it()
    {
        string blocker = Path.Combine(Path.GetTempPath(), $"scc-bank-test-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, "a file where the bank's folder should be");
        try
        {
            string path = Path.Combine(blocker, "bank", "bank.db");

            BankStorageException refused = Assert.Throws<BankStorageException>(() => BankDatabase.Open(path));

            Assert.Equal($"SQLite file {path}", refused.Server);
            Assert.StartsWith($"the bank's database, SQLite file {path}, cannot be opened or written: ", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_SQLite_database_is_a_clear_error_that_names_it()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"scc-bank-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string path = Path.Combine(folder, "bank.db");
            File.WriteAllBytes(path, [.. Enumerable.Repeat((byte)0x5A, 4096)]);

            BankStorageException refused = Assert.Throws<BankStorageException>(() => BankDatabase.Open(path));

            Assert.Equal($"the bank's database, SQLite file {path}, cannot be opened or written: file is not a database.", refused.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A loopback port nothing listens on.</summary>
    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The first result of <paramref name="read"/> within a few attempts: a pool may still hold a connection
    /// from before the restart, which fails once and is dropped.</summary>
    private static IReadOnlyList<T> Retrying<T>(Func<IReadOnlyList<T>> read)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return read();
            }
            catch (BankStorageException) when (attempt < 3)
            {
            }
        }
    }
}
