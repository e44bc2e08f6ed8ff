using System.Data.Common;
using SmartCardCash.Settlement.Storage.Migrations;

namespace SmartCardCash.Settlement.Storage;

/// <summary>
/// The bank's database, SQLite or PostgreSQL, migrated to this code's schema when opened. <see cref="Write{T}(Func{BankTransaction, T})"/> runs
/// work in one transaction and runs it again, a bounded number of times, when a concurrent writer got in the way
/// (so work must only touch the database); a database that is down, unreachable or unwritable is a
/// <see cref="BankStorageException"/> that names it.
/// </summary>
public sealed class BankDatabase
{
    /// <summary>Attempts of one transaction before a conflict is given up on.</summary>
    public const int MaxAttempts = 12;

    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;

    private BankDatabase(SqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    public StorageLocation Location => _dialect.Location;

    /// <summary>The database's schema version after opening: this code's latest.</summary>
    public long SchemaVersion { get; private set; }

    /// <summary>Opens <paramref name="target"/> (see <see cref="StorageLocation.Parse"/>) and applies the migrations it lacks.</summary>
    /// <exception cref="FormatException">The target is not a database this code can name.</exception>
    /// <exception cref="BankStorageException">The database cannot be used, or its schema is newer than this code.</exception>
    public static BankDatabase Open(string target, TimeProvider? time = null) => Open(StorageLocation.Parse(target), time);

    public static BankDatabase Open(StorageLocation location, TimeProvider? time = null)
    {
        var database = new BankDatabase(SqlDialect.For(location), time ?? TimeProvider.System);
        database.SchemaVersion = database.Write(SchemaMigrator.Migrate);
        return database;
    }

    /// <summary>Closes the connections kept open for reuse: call it when done with the database (a service stopping),
    /// so nothing in this process holds the database open any more. Using the database later opens new ones.</summary>
    public void ClosePooledConnections() => _dialect.ClosePooledConnections();

    internal T Write<T>(Func<BankTransaction, T> work) => Run(work, write: true, mayRetry: null);

    /// <summary>A write that is retried on a conflict only while <paramref name="mayRetry"/> says so: for work that is not
    /// only database work (a bank purse's APDU runs on its live card, whose session a retry would not find again). A
    /// conflict it may not retry is a <see cref="BankStorageException"/>: nothing was written, and there is no answer.</summary>
    internal T Write<T>(Func<BankTransaction, T> work, Func<bool> mayRetry) => Run(work, write: true, mayRetry);

    internal T Read<T>(Func<BankTransaction, T> work) => Run(work, write: false, mayRetry: null);

    private T Run<T>(Func<BankTransaction, T> work, bool write, Func<bool>? mayRetry)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using DbConnection connection = _dialect.Open();
                using DbTransaction transaction = _dialect.Begin(connection, write);
                T result = work(new BankTransaction(connection, transaction, _dialect, _time.GetUtcNow()));
                transaction.Commit();
                return result;
            }
            catch (Exception e) when (_dialect.IsRetryable(e) && attempt < MaxAttempts && (mayRetry?.Invoke() ?? true))
            {
                Thread.Sleep(Backoff(attempt));
            }
            catch (Exception e) when (_dialect.IsRetryable(e) && mayRetry is not null)
            {
                throw new BankStorageException($"the bank's database, {Location.Server}, met a concurrent write; nothing was written.",
                    Location.Server, e);
            }
            catch (Exception e) when (_dialect.DescribeUnavailable(e) is string reason)
            {
                throw new BankStorageException($"the bank's database, {Location.Server}, {reason.TrimEnd('.')}.", Location.Server, e);
            }
            catch (DbException e)
            {
                throw new BankStorageException(
                    $"the bank's database, {Location.Server}, refused the {(write ? "write" : "read")}: {e.Message.TrimEnd('.')}.",
                    Location.Server, e);
            }
        }
    }

    /// <summary>A few milliseconds, growing, with jitter so that two retrying writers do not meet again.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(200, 2 << Math.Min(attempt, 7)) * (0.5 + Random.Shared.NextDouble()));
}
