namespace SmartCardCash.Settlement.Storage;

/// <summary>The database's schema is newer than this code knows: a newer version of the bank wrote it. Nothing was
/// changed; the database is left for the newer code.</summary>
public sealed class SchemaTooNewException(string server, long databaseVersion, long codeVersion)
    : BankStorageException(
        $"the bank's database, {server}, has schema version {databaseVersion}, newer than this program knows " +
        $"({codeVersion}): use the newer program that wrote it.", server)
{
    public long DatabaseVersion { get; } = databaseVersion;

    public long CodeVersion { get; } = codeVersion;
}
