using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SmartCardCash.Settlement.Storage;

/// <summary>
/// SQLite: one file in WAL mode with synchronous=FULL, so a commit is on disk when it returns. A write transaction
/// is BEGIN IMMEDIATE: it takes the database's single write lock first, so writers run one after another
/// (serializable) and wait for each other up to the busy timeout.
/// </summary>
internal sealed class SqliteDialect(StorageLocation location) : SqlDialect(location)
{
    private const int BusyTimeoutMilliseconds = 15_000;

    // SQLite's primary result codes (sqlite3.h).
    private const int SqlitePerm = 3, SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoErr = 10,
        SqliteCorrupt = 11, SqliteFull = 13, SqliteCantOpen = 14, SqliteNotADb = 26;

    // Extended codes for a taken unique or primary key.
    private const int SqliteConstraintPrimaryKey = 1555, SqliteConstraintUnique = 2067;

    public override string ForUpdate => "";

    public override string? MigrationLock => null;

    public string FilePath => new SqliteConnectionStringBuilder(Location.ConnectionString).DataSource;

    public override DbConnection Open()
    {
        string? folder = Path.GetDirectoryName(FilePath);
        if (folder is not null && !Directory.Exists(folder))
        {
            // Owner-only: the books are nobody else's business.
            _ = OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(folder)
                : Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (new SqliteConnectionStringBuilder(Location.ConnectionString).Mode != SqliteOpenMode.Memory)
        {
            CreateOwnerOnly(FilePath);
        }
        var connection = new SqliteConnection(Location.ConnectionString);
        try
        {
            connection.Open();
            connection.Execute($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            string mode = connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL") ?? "";
            if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new SqliteException($"the file would not switch to WAL mode (it stays in {mode} mode)", SqliteCantOpen);
            }
            connection.Execute("PRAGMA synchronous = FULL");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new database file is made owner-only (0600) before SQLite opens it: it holds the bank's books and its purses'
    /// card images. SQLite gives its -wal and -shm files the database file's mode. An empty file is an empty database.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || path is "" or ":memory:" || path.StartsWith("file:", StringComparison.Ordinal) || File.Exists(path))
        {
            return;
        }
        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: SQLite opens that one.
        }
    }

    public override void ClosePooledConnections()
    {
        using var connection = new SqliteConnection(Location.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    public override DbTransaction Begin(DbConnection connection, bool write) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: !write);

    public override bool IsRetryable(Exception exception) => exception is SqliteException e &&
        (e.SqliteErrorCode is SqliteBusy or SqliteLocked ||
         e.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique);

    public override string? DescribeUnavailable(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: SqliteCantOpen or SqlitePerm or SqliteReadOnly or SqliteIoErr or SqliteFull
            or SqliteCorrupt or SqliteNotADb } e => $"cannot be opened or written: {Reason(e)}",
        IOException or UnauthorizedAccessException => $"cannot be opened or written: {exception.Message}",
        _ => null,
    };

    /// <summary>SQLite's message without the "SQLite Error 14: " prefix.</summary>
    private static string Reason(SqliteException e)
    {
        string message = e.Message;
        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        return (message.StartsWith("SQLite Error", StringComparison.Ordinal) && colon > 0 ? message[(colon + 2)..] : message)
            .Trim().TrimEnd('.').Trim('\'');
    }
}
