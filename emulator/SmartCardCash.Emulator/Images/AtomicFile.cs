namespace SmartCardCash.Emulator.Images;

/// <summary>
/// Replaces a file so that a crash at any moment (kill -9, power cut) leaves either the old content or the new one:
/// write a temporary file beside it, fsync it, rename it over the target, fsync the directory.
/// </summary>
internal static class AtomicFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temporary = path + ".tmp";
        // A temporary file left by a crash keeps its old mode and owner; writing the card's secrets into it could expose
        // them before the mode is fixed. Start from a fresh file, created owner-only.
        File.Delete(temporary);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows())
        {
            // The create mode is filtered by the umask, and a stale temporary file keeps its old mode: set it exactly.
            File.SetUnixFileMode(temporary, OwnerOnly);
        }
        File.Move(temporary, path, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            UnixNative.FsyncDirectory(directory);
        }
    }
}
