using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace SmartCardCash.Settlement.Storage;

/// <summary>
/// PostgreSQL: a write transaction runs at READ COMMITTED and locks the account rows it changes (SELECT … FOR UPDATE,
/// in ID order), so concurrent writers to one account queue instead of failing; every statement after the lock sees
/// the latest committed rows. Unique keys catch the rest (a transfer ID, a pending transfer resolved twice), and the
/// retry then finds the winner's row. Reads (the audit) run at REPEATABLE READ: one snapshot.
/// </summary>
internal sealed class PostgresDialect(StorageLocation location) : SqlDialect(location)
{
    /// <summary>An arbitrary key for pg_advisory_xact_lock: "SCC" and 1, the ledger's migrations.</summary>
    private const long MigrationLockKey = 0x5343_4301;

    public override string ForUpdate => " FOR UPDATE";

    public override string? MigrationLock => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(Location.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override void ClosePooledConnections()
    {
        using var connection = new NpgsqlConnection(Location.ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public override DbTransaction Begin(DbConnection connection, bool write) =>
        ((NpgsqlConnection)connection).BeginTransaction(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead);

    public override bool IsRetryable(Exception exception) => exception is PostgresException
    {
        SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation,
    };

    public override string? DescribeUnavailable(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } e => $"does not exist: {e.MessageText}",
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } e =>
            $"refused the login: {e.MessageText}",
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections } e =>
            $"is not available: {e.MessageText}",
        PostgresException { SqlState: var state } e when state.StartsWith("08", StringComparison.Ordinal) =>
            $"cannot be reached: {e.MessageText}",
        PostgresException => null,
        NpgsqlException e => $"cannot be reached: {Reason(e)}",
        TimeoutException or SocketException => $"cannot be reached: {exception.Message}",
        _ => null,
    };

    /// <summary>The innermost cause of a connection failure ("Connection refused"), said once.</summary>
    private static string Reason(Exception e)
    {
        Exception inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        return (inner == e ? e.Message : $"{e.Message.TrimEnd('.')} ({inner.Message.TrimEnd('.')})").TrimEnd('.');
    }
}
