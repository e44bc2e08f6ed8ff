using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The hotlist a terminal honours: its own plain list (<see cref="Hotlist.Load"/>) and, when given, the issuer's signed
/// list (<see cref="SignedHotlistFile"/>), every purse on either. <see cref="Current"/> reads the files again whenever
/// one changes, so a purse the bank bars while a long-running terminal (a payee listener) runs is refused from its next
/// payment on, without a restart.
/// </summary>
/// <remarks>
/// Like <see cref="Hotlist.Load"/>, it fails closed: when a changed file cannot be read, or the signed list is refused
/// (<see cref="SignedHotlistFile.Load"/>), <see cref="Current"/> throws, and the terminal makes no payment until it can
/// be read again. Not thread-safe; one listener connection reads it at a time.
/// </remarks>
public sealed class HotlistFile
{
    private readonly string _path;
    private readonly bool _mustExist;
    private readonly SignedHotlistFile? _signed;
    private readonly PurseCertificate? _trustedIssuer;
    private FileVersions? _version;
    private Hotlist _hotlist = Hotlist.Empty;

    /// <param name="path">The plain hotlist.</param>
    /// <param name="mustExist">The plain list was named explicitly: it must be there.</param>
    /// <param name="signed">The issuer's signed list, honoured as well; null: the plain list alone.</param>
    /// <param name="trustedIssuer">The issuer certificate the signed list must verify under (needed with <paramref name="signed"/>).</param>
    /// <exception cref="LocalData.LocalDataException">As <see cref="Current"/>.</exception>
    public HotlistFile(string path, bool mustExist, SignedHotlistFile? signed = null, PurseCertificate? trustedIssuer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (signed is not null && trustedIssuer is null)
        {
            throw new ArgumentNullException(nameof(trustedIssuer), "a signed hotlist is checked against the trusted issuer");
        }
        _path = path;
        _mustExist = mustExist;
        _signed = signed;
        _trustedIssuer = trustedIssuer;
        _ = Current;
    }

    public string Path => _path;

    /// <summary>The hotlist as the files hold it now.</summary>
    /// <exception cref="LocalData.LocalDataException">A file changed and cannot be read (or the plain one is gone when it
    /// must exist), or the signed list is missing, damaged, badly signed or older than the one installed.</exception>
    public Hotlist Current
    {
        get
        {
            FileVersions version = VersionsNow();
            if (version != _version)
            {
                // Taken only once it reads: a file caught mid-write is read again at the next payment.
                Hotlist plain = Hotlist.Load(_path, _mustExist);
                SignedHotlist? signed = _signed?.Load(_trustedIssuer!);
                _hotlist = signed is null ? plain : plain.With(signed.ToHotlist(_signed!.FilePath));
                _version = version;
            }
            return _hotlist;
        }
    }

    private FileVersions VersionsNow() =>
        new(VersionOf(_path), _signed is null ? null : VersionOf(_signed.FilePath), _signed is null ? null : VersionOf(_signed.VersionPath));

    private static (DateTime, long)? VersionOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }

    private sealed record FileVersions((DateTime, long)? Plain, (DateTime, long)? Signed, (DateTime, long)? Installed);
}
