namespace SmartCardCash.DurableFiles;

/// <summary>
/// Files only their owner may read, written so that a crash at any moment leaves the old content or the new: a
/// temporary file (mode 0600) beside the target, fsync, rename over it, fsync the folder. Folders are made 0700.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="directory"/> (and its parents) owner-only, 0700, if it does not exist.</summary>
    public static void EnsureDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    /// <summary>
    /// Whether a file (not a folder) is at <paramref name="path"/>, as <see cref="File.Exists"/> says, except that a path
    /// this user may not look at (in another user's folder, mode 0700) is not "absent": that throws, so "no such file"
    /// is never said of a file that may well be there.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">A folder on the path cannot be searched.</exception>
    /// <exception cref="IOException">The file system could not say (an I/O error).</exception>
    public static bool FileExists(string path)
    {
        try
        {
            return !File.GetAttributes(path).HasFlag(FileAttributes.Directory);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // DirectoryNotFoundException: a folder on the path is missing, or is a file; either way no file is there.
            return false;
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/>, owner-only, durably and atomically.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temporary = path + ".tmp";
        // A temporary file left by a crash keeps its old mode if reused: remove it, so the new one is created 0600
        // before a byte of the secret is in it.
        File.Delete(temporary);
        using (FileStream stream = new(temporary, CreateOptions(FileMode.CreateNew, FileAccess.Write)))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows())
        {
            // The create mode is filtered by the umask, which can only take bits away: set it exactly.
            File.SetUnixFileMode(temporary, OwnerOnly);
        }
        File.Move(temporary, path, overwrite: true);
        FlushDirectory(directory);
    }

    /// <summary>Appends one line and flushes it to disk (the file is created 0600 if need be).</summary>
    public static void AppendLine(string path, string line)
    {
        bool created = !File.Exists(path);
        // A write torn by a full disk or a crash leaves a fragment without its newline: the new line starts on a
        // line of its own, so the fragment stays one unreadable line and never swallows a good one.
        string prefix = !created && !EndsWithNewline(path) ? "\n" : string.Empty;
        using (FileStream stream = new(path, CreateOptions(FileMode.Append, FileAccess.Write)))
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(prefix + line + "\n");
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        if (created)
        {
            FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0)
        {
            return true;
        }
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    /// <summary>An exclusive lock (flock through FileShare.None) held until disposed; released by the OS if the process dies.</summary>
    public static FileStream Lock(string path, TimeSpan wait)
    {
        DateTime deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileStream(path, CreateOptions(FileMode.OpenOrCreate, FileAccess.ReadWrite));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>True when a group or other permission bit is set on <paramref name="path"/>.</summary>
    public static bool IsReadableByOthers(string path, out UnixFileMode mode)
    {
        mode = default;
        if (OperatingSystem.IsWindows())
        {
            return false;
        }
        mode = File.GetUnixFileMode(path);
        return (mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) != 0;
    }

    /// <summary>Options for a file opened exclusively, created owner-only (0600) on Unix.</summary>
    public static FileStreamOptions CreateOptions(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        return options;
    }

    private static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            UnixNative.FsyncDirectory(directory);
        }
    }
}
