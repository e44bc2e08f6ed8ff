using SmartCardCash.Cli.Errors;
using SmartCardCash.DurableFiles;
using SmartCardCash.LocalData;

namespace SmartCardCash.Cli.Bank;

/// <summary>$SCC_HOME/bank: the embedded bank's SQLite database and the secrets scc keeps for its operator, each in an
/// owner-only (0600) file in an owner-only folder.</summary>
internal static class BankHome
{
    public const string DatabaseFileName = "bank.db";

    public const string OperatorKeyFileName = "operator.key";

    public static string Directory(string home) => Path.Combine(home, "bank");

    public static string DefaultDatabase(string home) => Path.Combine(Directory(home), DatabaseFileName);

    public static string OperatorKeyFile(string home) => Path.Combine(Directory(home), OperatorKeyFileName);

    /// <summary>The key that seals the bank purses' card images in the database: made on the first start, kept with the
    /// issuer's key, and the same for every instance serving one database.</summary>
    public static string PurseImageKeyFile(string home) => Path.Combine(Directory(home), "purse-images.key");

    /// <summary>Where a holder's credential is saved unless the command is told otherwise.</summary>
    public static string CredentialFile(string home, string account) => Path.Combine(Directory(home), "credentials", $"{account}.credential");

    /// <summary>
    /// Proves <see cref="SaveSecret"/> can write beside <paramref name="path"/> before the bank is asked for a secret it
    /// shows once: the folder is made (owner-only) and a probe file created and removed there. A file at the path is no
    /// obstacle: SaveSecret writes beside it.
    /// </summary>
    /// <exception cref="UsageException">The path is a folder.</exception>
    /// <exception cref="LocalDataException">The folder cannot be made or written.</exception>
    public static void EnsureSecretCanBeSaved(string path, string option, string what)
    {
        if (System.IO.Directory.Exists(path))
        {
            throw new UsageException($"{option}: {path} is a folder, not a file");
        }
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string probe = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.probe");
        try
        {
            PrivateFiles.EnsureDirectory(directory);
            using (new FileStream(probe, PrivateFiles.CreateOptions(FileMode.CreateNew, FileAccess.Write)))
            {
            }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException($"{option}: {what} cannot be saved in {path} ({e.Message.TrimEnd('.')}), so the bank was not asked for it");
        }
    }

    /// <summary>Writes <paramref name="secret"/> to <paramref name="path"/> (0600), or beside it under a name of its own
    /// (<c>NAME-ID.EXT</c>) when a file is there already: an older secret is never overwritten. Returns the path used.</summary>
    public static string SaveSecret(string path, string id, string secret)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        PrivateFiles.EnsureDirectory(directory);
        string target = PrivateFiles.FileExists(path)
            ? Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(path)}-{id}{Path.GetExtension(path)}")
            : path;
        PrivateFiles.WriteAtomically(target, System.Text.Encoding.UTF8.GetBytes(secret + "\n"));
        return target;
    }
}
