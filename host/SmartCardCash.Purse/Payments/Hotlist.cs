using System.Globalization;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The purses a terminal must not transfer value with (spec 9: a purse the bank found cloned or reported stolen).
/// The terminal's own list is a text file, <c>$SCC_HOME/hotlist.txt</c> by default: one purse ID in hex (16 digits) per
/// line; <c>#</c> starts a comment; blank lines are ignored. The issuer publishes its list signed
/// (<see cref="SignedHotlist"/>); a terminal honours both (<see cref="HotlistFile"/>).
/// </summary>
/// <remarks>A hotlist that cannot be read or parsed is refused as a whole: paying on a partly read hotlist would let
/// exactly the purses on the broken line through.</remarks>
public sealed class Hotlist
{
    public const string FileName = "hotlist.txt";

    private readonly HashSet<PurseId> _purses;

    private Hotlist(HashSet<PurseId> purses, string? source)
    {
        _purses = purses;
        Source = source;
    }

    /// <summary>No purse is hotlisted.</summary>
    public static Hotlist Empty { get; } = new([], null);

    /// <summary>Where the list came from (a file path), or null.</summary>
    public string? Source { get; }

    public int Count => _purses.Count;

    public IReadOnlyCollection<PurseId> Purses => _purses;

    public bool Contains(PurseId purse) => _purses.Contains(purse);

    /// <summary><c>hotlist.txt</c> in a SmartCardCash home.</summary>
    public static string DefaultPath(string home) => Path.Combine(home, FileName);

    public static Hotlist Of(IEnumerable<PurseId> purses, string? source = null) => new([.. purses], source);

    /// <summary>Every purse on this list or on <paramref name="other"/>: a terminal honours the issuer's signed list and its own.</summary>
    public Hotlist With(Hotlist other)
    {
        ArgumentNullException.ThrowIfNull(other);
        string? source = (Source, other.Source) switch
        {
            (null, var o) => o,
            (var s, null) => s,
            (var s, var o) => $"{s} and {o}",
        };
        return new Hotlist([.. _purses, .. other._purses], source);
    }

    /// <summary>Reads the text of a hotlist.</summary>
    /// <exception cref="FormatException">A line is not a purse ID; the message names the line.</exception>
    public static Hotlist Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var purses = new HashSet<PurseId>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int comment = lines[i].IndexOf('#', StringComparison.Ordinal);
            string entry = (comment >= 0 ? lines[i][..comment] : lines[i]).Trim();
            if (entry.Length == 0)
            {
                continue;
            }
            if (entry.Length != 2 * PurseId.Length || !ulong.TryParse(entry, NumberStyles.AllowHexSpecifier,
                    CultureInfo.InvariantCulture, out ulong value))
            {
                throw new FormatException(
                    $"{source ?? "the hotlist"} line {i + 1}: '{entry}' is not a purse ID ({2 * PurseId.Length} hex digits)");
            }
            purses.Add(new PurseId(value));
        }
        return new Hotlist(purses, source);
    }

    /// <summary>
    /// Reads the hotlist file at <paramref name="path"/>. A missing file is an empty hotlist unless
    /// <paramref name="mustExist"/> (a file named explicitly must be there).
    /// </summary>
    /// <exception cref="LocalDataException">The file is missing (when it must exist), unreadable or malformed.</exception>
    public static Hotlist Load(string path, bool mustExist)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Only a file that is surely not there counts as absent: one in a folder this user may not look into
            // (UnauthorizedAccessException below) may well be there, and a payment must not go ahead without it.
            return mustExist ? throw new LocalDataException($"the hotlist {path} does not exist", e) : new Hotlist([], path);
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw new LocalDataException($"the hotlist {path} cannot be read ({FileProblem.Describe(e)}); no payment is made without it", e);
        }
        try
        {
            return Parse(text, path);
        }
        catch (FormatException e)
        {
            throw new LocalDataException($"{e.Message}; fix the hotlist: no payment is made while it cannot be read", e);
        }
    }
}
