namespace SmartCardCash.DurableFiles;

/// <summary>
/// Why a folder could not be created or used, in a few plain words ("/etc/passwd is a file, not a folder"), for the
/// one-line errors of the tools: .NET's own message ("Could not find a part of the path …") hides the cause.
/// </summary>
public static class FolderProblem
{
    /// <summary>True for the exceptions a folder that cannot be made or written raises; anything else is a bug to report.</summary>
    public static bool IsFolderFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    public static string Describe(string directory, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(exception);
        string full = Path.GetFullPath(directory);
        // The nearest part of the path that exists says what is wrong: a file in the way, or a folder we may not write.
        for (string? part = full; part is not null; part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return part == full ? "it is a file, not a folder" : $"{part} is a file, not a folder";
            }
            if (Directory.Exists(part))
            {
                return exception is UnauthorizedAccessException
                    ? (part == full ? "permission denied" : $"permission denied in {part}")
                    : exception.Message.TrimEnd('.');
            }
        }
        return exception.Message.TrimEnd('.');
    }
}
