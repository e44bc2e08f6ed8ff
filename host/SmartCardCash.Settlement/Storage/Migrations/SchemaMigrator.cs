using System.Globalization;

namespace SmartCardCash.Settlement.Storage.Migrations;

/// <summary>
/// Brings a database to <see cref="Migration.Latest"/> in one transaction: each missing step, then its row in
/// <c>schema_version</c>. Two processes opening one database at once migrate it once (PostgreSQL: an advisory lock;
/// SQLite: the write lock). A database newer than this code is refused and left as it is.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <returns>The schema version now.</returns>
    public static long Migrate(BankTransaction transaction)
    {
        if (transaction.Dialect.MigrationLock is string migrationLock)
        {
            transaction.Execute(migrationLock);
        }
        transaction.Execute(CreateVersionTable);
        long current = transaction.Scalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0;
        if (current > Migration.Latest)
        {
            throw new SchemaTooNewException(transaction.Dialect.Location.Server, current, Migration.Latest);
        }
        foreach (Migration step in Migration.All.Where(m => m.Version > current))
        {
            transaction.Execute(step.Sql);
            transaction.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { step.Version, step.Name, AppliedAt = transaction.Now.ToString("O", CultureInfo.InvariantCulture) });
        }
        return Migration.Latest;
    }
}
