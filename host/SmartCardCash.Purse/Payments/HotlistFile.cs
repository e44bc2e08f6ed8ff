namespace SmartCardCash.Purse.Payments;

/// <summary>
/// A hotlist file for a long-running terminal (a payee listener): read again whenever the file changes, so a purse the
/// bank bars while the terminal runs is refused from its next payment on, without a restart.
/// </summary>
/// <remarks>
/// Like <see cref="Hotlist.Load"/>, it fails closed: when the changed file cannot be read, <see cref="Current"/>
/// throws, and the terminal makes no payment until it can be read again. Not thread-safe; one listener connection reads
/// it at a time.
/// </remarks>
public sealed class HotlistFile
{
    private readonly string _path;
    private readonly bool _mustExist;
    private (DateTime WriteTime, long Length)? _version;
    private Hotlist _hotlist;

    /// <exception cref="LocalData.LocalDataException">As <see cref="Hotlist.Load"/>: missing when it must exist, unreadable, malformed.</exception>
    public HotlistFile(string path, bool mustExist)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _mustExist = mustExist;
        _version = VersionOf(path);
        _hotlist = Hotlist.Load(path, mustExist);
    }

    public string Path => _path;

    /// <summary>The hotlist as the file holds it now.</summary>
    /// <exception cref="LocalData.LocalDataException">The file changed and cannot be read (or is gone when it must exist).</exception>
    public Hotlist Current
    {
        get
        {
            (DateTime, long)? version = VersionOf(_path);
            if (version != _version)
            {
                // Taken only once it reads: a file caught mid-write is read again at the next payment.
                _hotlist = Hotlist.Load(_path, _mustExist);
                _version = version;
            }
            return _hotlist;
        }
    }

    private static (DateTime, long)? VersionOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}
