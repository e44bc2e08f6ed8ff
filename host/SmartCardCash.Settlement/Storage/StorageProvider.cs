namespace SmartCardCash.Settlement.Storage;

/// <summary>The database the bank keeps its books in.</summary>
public enum StorageProvider
{
    /// <summary>A file, embedded: the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, chosen by a <c>postgres://</c> URL or a <c>Host=…</c> connection string.</summary>
    Postgres,
}
