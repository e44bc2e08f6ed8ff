using SmartCardCash.DurableFiles;
using SmartCardCash.LocalData;

namespace SmartCardCash.Journal;

/// <summary>
/// The terminal journal: <c>journal/payments.jsonl</c> in the scc home, one line per completed payment
/// (<see cref="JournalFormat"/>), append-only. Each append is one write of a whole line, flushed to disk (fsync) before
/// it returns, into a file made 0600 in a folder made 0700, under a lock file so that one process writes at a time. A
/// crash or a full disk can only tear the last line: the reader skips a torn line (counted; <see cref="JournalFormat.IsTorn"/>:
/// the start of an entry, cut short), and the next append starts on a line of its own, so a torn line never spoils the
/// lines before or after it. Any other unreadable line is damaged, and refused by its number.
/// </summary>
public sealed class PaymentJournal
{
    public const string FolderName = "journal";
    public const string FileName = "payments.jsonl";
    public const string LockFileName = "payments.lock";

    /// <summary>How long an append waits for another process's append to finish.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <param name="path">The journal file.</param>
    public PaymentJournal(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
    }

    /// <summary>The journal of the scc home <paramref name="home"/>: <c>home/journal/payments.jsonl</c>.</summary>
    public static PaymentJournal InHome(string home)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(home);
        return new PaymentJournal(Path.Combine(home, FolderName, FileName));
    }

    public string FilePath { get; }

    public string Folder => Path.GetDirectoryName(FilePath)!;

    /// <summary>Appends <paramref name="entry"/> durably: on return it is on disk.</summary>
    /// <exception cref="LocalDataException">The folder or the file cannot be written, or another process holds the journal
    /// longer than <see cref="LockWait"/>; the message names the path and why.</exception>
    public void Append(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string line = JournalFormat.Encode(entry);
        try
        {
            PrivateFiles.EnsureDirectory(Folder);
        }
        catch (Exception e) when (FolderProblem.IsFolderFailure(e))
        {
            throw new LocalDataException($"the journal folder {Folder} cannot be made ({FolderProblem.Describe(Folder, e)})", e);
        }
        FileStream held;
        try
        {
            held = PrivateFiles.Lock(Path.Combine(Folder, LockFileName), LockWait);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LocalDataException($"the journal folder {Folder} cannot be written ({FileProblem.Describe(e)})", e);
        }
        catch (IOException e)
        {
            throw new LocalDataException($"the journal {FilePath} is held by another process for longer than " +
                $"{LockWait.TotalSeconds:0} s ({FileProblem.Describe(e)})", e);
        }
        using (held)
        {
            try
            {
                PrivateFiles.AppendLine(FilePath, line);
            }
            catch (Exception e) when (FileProblem.IsFileFailure(e))
            {
                throw new LocalDataException($"the journal {FilePath} cannot be written ({FileProblem.Describe(e, FilePath)})", e);
            }
        }
    }

    /// <summary>Every entry, oldest first (none when the file does not exist); torn lines skipped and counted.</summary>
    /// <exception cref="LocalDataException">The file cannot be read, or a whole line is not a valid entry (damaged or
    /// changed): the message names the line.</exception>
    public JournalContents Read()
    {
        string[] lines;
        try
        {
            lines = PrivateFiles.FileExists(FilePath) ? File.ReadAllLines(FilePath) : [];
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw new LocalDataException($"the journal {FilePath} cannot be read ({FileProblem.Describe(e)})", e);
        }
        var entries = new List<JournalEntry>(lines.Length);
        int torn = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (JournalFormat.IsTorn(line))
            {
                torn++;
                continue;
            }
            try
            {
                entries.Add(JournalFormat.Decode(line));
            }
            catch (FormatException e)
            {
                throw new LocalDataException($"the journal {FilePath} line {i + 1} is damaged ({e.Message.TrimEnd('.')})", e);
            }
        }
        return new JournalContents(entries, torn);
    }
}
