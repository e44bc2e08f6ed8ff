using System.Data.Common;

namespace SmartCardCash.Settlement.Storage;

/// <summary>
/// Everything that differs between the two databases, in one place: opening a connection, how a write transaction
/// keeps concurrent writers apart, and which errors mean "try again" or "the database is not there". The schema and
/// every query are written once, in SQL both accept.
/// </summary>
internal abstract class SqlDialect(StorageLocation location)
{
    public StorageLocation Location { get; } = location;

    /// <summary>Appended to a SELECT of rows the transaction will change, to lock them until it ends.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Run first in the migration's transaction so that two processes never migrate at once, or null.</summary>
    public abstract string? MigrationLock { get; }

    public static SqlDialect For(StorageLocation location) => location.Provider switch
    {
        StorageProvider.Sqlite => new SqliteDialect(location),
        StorageProvider.Postgres => new PostgresDialect(location),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location.Provider, "not a storage provider."),
    };

    /// <summary>An open connection, set up for durable commits; failures to reach the database are thrown as they come
    /// and told apart by <see cref="DescribeUnavailable"/>.</summary>
    public abstract DbConnection Open();

    /// <summary>A write transaction holds the locks that keep concurrent writers from breaking an invariant; a read
    /// transaction sees one snapshot.</summary>
    public abstract DbTransaction Begin(DbConnection connection, bool write);

    /// <summary>A failure that a fresh attempt of the whole transaction may not meet: a serialization failure, a
    /// deadlock, a busy database, or a unique key a concurrent writer took first (the retry then finds its row).</summary>
    public abstract bool IsRetryable(Exception exception);

    /// <summary>Why the database cannot be used, as a clause ("cannot be reached: connection refused"), or null when
    /// <paramref name="exception"/> is not about reaching or opening it.</summary>
    public abstract string? DescribeUnavailable(Exception exception);

    /// <summary>Closes the idle connections the driver pools for this database, so that nothing holds it open after
    /// its owner is done with it (its file can be removed, its server restarted).</summary>
    public abstract void ClosePooledConnections();
}
