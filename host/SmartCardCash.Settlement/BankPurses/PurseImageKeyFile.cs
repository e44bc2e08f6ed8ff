using SmartCardCash.DurableFiles;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// The purse image key's file: 64 hex digits and a newline, owner-only (0600). Made once, when the bank first needs it;
/// never replaced, since the images sealed under it would no longer open. A file others may read is refused.
/// </summary>
internal static class PurseImageKeyFile
{
    public static PurseImageKey LoadOrCreate(string path)
    {
        try
        {
            return PrivateFiles.FileExists(path) ? Load(path) : Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PurseImageKeyException($"the purse image key file {path} cannot be used: {e.Message}", e);
        }
    }

    private static PurseImageKey Load(string path)
    {
        if (PrivateFiles.IsReadableByOthers(path, out UnixFileMode mode))
        {
            throw new PurseImageKeyException($"the purse image key file {path} is open to other users (mode " +
                $"{Convert.ToString((int)mode, 8)}): it seals the bank purses' keys, so it must be the owner's alone (chmod 600 {path}).");
        }
        string text = File.ReadAllText(path).Trim();
        try
        {
            return PurseImageKey.FromBytes(Convert.FromHexString(text));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new PurseImageKeyException($"the purse image key file {path} does not hold a key ({PurseImageKey.Size * 2} hex digits).", e);
        }
    }

    /// <summary>Writes a new key beside the target and links it into place only if no file is there yet, so two banks
    /// starting at once end up with one key: the second loads the first's.</summary>
    private static PurseImageKey Create(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        PrivateFiles.EnsureDirectory(directory);
        PurseImageKey key = PurseImageKey.Generate();
        string temporary = $"{path}.{Environment.ProcessId}.new";
        using (var stream = new FileStream(temporary, PrivateFiles.CreateOptions(FileMode.Create, FileAccess.Write)))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(key.Hex() + "\n"));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Load(path);
        }
    }
}
