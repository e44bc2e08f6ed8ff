using System.Runtime.InteropServices;

namespace SmartCardCash.Emulator.Images;

/// <summary>
/// The two system calls .NET does not offer for directories: a rename is durable only once the directory holding it
/// is fsync'ed, and <see cref="Microsoft.Win32.SafeHandles.SafeFileHandle"/> refuses to open a directory on Unix.
/// </summary>
internal static partial class UnixNative
{
    private const int ReadOnly = 0;

    /// <summary>fsync(2) on a directory, so that renames and creations in it survive a crash.</summary>
    public static void FsyncDirectory(string directory)
    {
        int fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"cannot flush directory {directory} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
