namespace SmartCardCash.LocalData;

/// <summary>
/// Why a file could not be read or written, in a few plain words ("permission denied"), for one-line errors that name
/// the path themselves: .NET's own message says the path again ("Access to the path '…' is denied").
/// </summary>
public static class FileProblem
{
    /// <summary>
    /// True for the exceptions the file system raises (permissions, a full disk, a folder in the way): a local problem
    /// the user can fix, never a bug.
    /// </summary>
    public static bool IsFileFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <param name="file">The file that was to be read or written, when known: .NET reports a folder in its place as
    /// access denied, which would send the user looking at permissions.</param>
    public static string Describe(Exception exception, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is UnauthorizedAccessException && file is not null && Directory.Exists(file))
        {
            return "it is a folder, not a file";
        }
        return exception is UnauthorizedAccessException ? "permission denied" : exception.Message.TrimEnd('.');
    }
}
