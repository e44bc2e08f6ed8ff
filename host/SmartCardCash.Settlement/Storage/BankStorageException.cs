namespace SmartCardCash.Settlement.Storage;

/// <summary>
/// The bank's database cannot be used: the server is down or unreachable, the file cannot be opened or written, or
/// the schema is not one this code knows. The message is one sentence that names <see cref="Server"/> (never a
/// password) and what is wrong; nothing was written.
/// </summary>
public class BankStorageException(string message, string server, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The database, as <see cref="StorageLocation.Server"/> names it.</summary>
    public string Server { get; } = server;
}
