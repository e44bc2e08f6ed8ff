using System.Globalization;
using System.Text;
using SmartCardCash.DurableFiles;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The issuer's signed hotlist on a terminal's disk: <c>hotlist.signed</c> in the scc home, and beside it
/// <c>hotlist.signed.version</c>, the highest version the terminal has installed (<c>sequence N</c>). Once a list is
/// installed, one is expected: a missing, unsigned, badly signed or older list then stops every payment (fail closed)
/// until the current one is installed again. <see cref="Install"/> is what fetching a new list calls once it has the
/// text; it never lets an older list replace a newer one.
/// </summary>
public sealed class SignedHotlistFile
{
    public const string FileName = "hotlist.signed";

    public SignedHotlistFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
    }

    /// <summary><c>hotlist.signed</c> in a SmartCardCash home.</summary>
    public static SignedHotlistFile InHome(string home) => new(Path.Combine(home, FileName));

    public string FilePath { get; }

    /// <summary>Where the highest installed version is kept.</summary>
    public string VersionPath => FilePath + ".version";

    /// <summary>
    /// Installs <paramref name="text"/> when it is a list signed by <paramref name="trustedIssuer"/> and newer than the
    /// installed one: the list first, then its version, each written atomically (0600, fsynced).
    /// </summary>
    /// <exception cref="FormatException">Not a signed hotlist, or not in its strict form.</exception>
    /// <exception cref="HotlistSignatureException">Another issuer's, or its signature does not verify.</exception>
    /// <exception cref="HotlistVersionException">Older than the installed list, or a different list with its number.</exception>
    /// <exception cref="LocalDataException">The installed version or the files cannot be read or written.</exception>
    public HotlistInstallation Install(string text, PurseCertificate trustedIssuer)
    {
        SignedHotlist list = SignedHotlist.Verify(text, trustedIssuer);
        uint? version;
        try
        {
            version = ReadVersion();
        }
        catch (LocalDataException) when (PrivateFiles.FileExists(VersionPath))
        {
            // A damaged version file is rewritten by this install; the list on disk still keeps older ones out.
            version = null;
        }
        SignedHotlist? current = TryReadCurrent(trustedIssuer);
        uint highest = Math.Max(version ?? 0, current?.Sequence ?? 0);
        if (list.Sequence < highest)
        {
            throw new HotlistVersionException($"{list} is older than hotlist {highest}, which this terminal has installed: not taken");
        }
        if (list.Sequence == highest)
        {
            return current is not null && current.Text == list.Text
                ? new HotlistInstallation(current, current.Sequence, Changed: false)
                : throw new HotlistVersionException($"{list} differs from the hotlist {highest} this terminal has installed under " +
                    "the same sequence number: not taken");
        }
        Write(FilePath, list.Text);
        Write(VersionPath, $"sequence {list.Sequence.ToString(CultureInfo.InvariantCulture)}\n");
        return new HotlistInstallation(list, highest == 0 ? null : highest, Changed: true);
    }

    /// <summary>
    /// The installed list, checked against <paramref name="trustedIssuer"/>; null when none was ever installed.
    /// </summary>
    /// <exception cref="LocalDataException">A list was installed but is now missing, unsigned, badly signed, damaged or
    /// older than the installed version; or the files cannot be read. No payment is to be made then.</exception>
    public SignedHotlist? Load(PurseCertificate trustedIssuer)
    {
        ArgumentNullException.ThrowIfNull(trustedIssuer);
        uint? version = ReadVersion();
        string? text = ReadText(FilePath);
        if (text is null)
        {
            return version is { } expected
                ? throw new LocalDataException($"the signed hotlist {FilePath} is missing, but this terminal installed hotlist " +
                    $"{expected}; no payment is made until it is installed again")
                : null;
        }
        SignedHotlist list;
        try
        {
            list = SignedHotlist.Verify(text, trustedIssuer);
        }
        catch (Exception e) when (e is FormatException or HotlistSignatureException)
        {
            throw new LocalDataException($"the signed hotlist {FilePath} is refused ({e.Message.TrimEnd('.')}); no payment is " +
                "made until a good one is installed", e);
        }
        if (version is { } installed && list.Sequence < installed)
        {
            throw new LocalDataException($"the signed hotlist {FilePath} is hotlist {list.Sequence}, older than hotlist " +
                $"{installed} which this terminal installed (an old list was put back); no payment is made until the current " +
                "one is installed again");
        }
        return list;
    }

    private SignedHotlist? TryReadCurrent(PurseCertificate trustedIssuer)
    {
        string? text = ReadText(FilePath);
        try
        {
            return text is null ? null : SignedHotlist.Verify(text, trustedIssuer);
        }
        catch (Exception e) when (e is FormatException or HotlistSignatureException)
        {
            // A damaged list is replaced; the version file still keeps an older one out.
            return null;
        }
    }

    private uint? ReadVersion()
    {
        string? text = ReadText(VersionPath);
        if (text is null)
        {
            return null;
        }
        const string prefix = "sequence ";
        return text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith('\n') &&
            uint.TryParse(text.AsSpan(prefix.Length, text.Length - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture,
                out uint sequence) && sequence > 0
            ? sequence
            : throw new LocalDataException($"{VersionPath} is damaged (not 'sequence N'); no payment is made until the " +
                "signed hotlist is installed again");
    }

    private static string? ReadText(string path)
    {
        try
        {
            return PrivateFiles.FileExists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw new LocalDataException($"{path} cannot be read ({FileProblem.Describe(e)}); no payment is made without it", e);
        }
    }

    private static void Write(string path, string text)
    {
        try
        {
            PrivateFiles.WriteAtomically(path, Encoding.UTF8.GetBytes(text));
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw new LocalDataException($"{path} cannot be written ({FileProblem.Describe(e)})", e);
        }
    }
}
