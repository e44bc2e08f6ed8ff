using System.Globalization;
using SmartCardCash.Issuing;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Hotlist;

/// <summary>
/// The bank's hotlist: the purses no terminal may pay with, each with its reason and evidence, and a version number
/// that increases by one exactly when the content changes (a purse added). <see cref="Signed"/> gives the current
/// version signed by the issuer (<see cref="SignedHotlist"/>, what <c>scc hotlist fetch</c> installs); the signed text
/// of a version is stored the first time it is asked for, so one version always has one signed content.
/// </summary>
public sealed class BankHotlist(BankDatabase database)
{
    private const string EntryColumns =
        "purse_id AS PurseId, reason AS Reason, evidence AS Evidence, version AS Version, added_at AS AddedAt";

    public BankDatabase Database { get; } = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Every purse on the list, in purse ID order.</summary>
    public IReadOnlyList<HotlistEntry> Entries() =>
        Database.Read(tx => tx.Query<HotlistEntryRow>($"SELECT {EntryColumns} FROM hotlist_entries ORDER BY purse_id")
            .Select(r => r.ToEntry()).ToList());

    public HotlistEntry? Find(PurseId purse) => Database.Read(tx => Find(tx, purse));

    /// <summary>The current version; 0 before anything was listed or signed.</summary>
    public uint Version => Database.Read(CurrentVersion);

    /// <summary>Puts <paramref name="purse"/> on the list (an operator's report); a purse already there stays as it is.</summary>
    /// <returns>The entry, new or as it was.</returns>
    public HotlistEntry Report(PurseId purse, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return Database.Write(tx =>
        {
            Add(tx, purse, HotlistReason.Reported, note.Trim());
            return Find(tx, purse)!;
        });
    }

    /// <summary>The current version, signed by <paramref name="issuer"/>: stored the first time, the same text after.
    /// Before anything is listed, version 1 is the empty list.</summary>
    public SignedHotlist Signed(Issuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return Database.Write(tx =>
        {
            uint version = CurrentVersion(tx);
            if (version == 0)
            {
                version = NewVersion(tx);
            }
            return SignOnce(tx, issuer, version);
        });
    }

    /// <summary>Version <paramref name="version"/> as it was signed, or null when it never was (or does not exist).</summary>
    public SignedHotlist? SignedVersion(uint version) => Database.Read(tx =>
        tx.Single<string>("SELECT signed_text FROM hotlist_versions WHERE version = @Version", new { Version = (long)version })
            is string text ? SignedHotlist.Parse(text) : null);

    /// <summary>Lists <paramref name="purse"/> in a new version, unless it is listed already.</summary>
    /// <returns>True when the content changed.</returns>
    internal static bool Add(BankTransaction tx, PurseId purse, HotlistReason reason, string evidence)
    {
        if (Find(tx, purse) is not null)
        {
            return false;
        }
        uint version = NewVersion(tx);
        tx.Execute("INSERT INTO hotlist_entries (purse_id, reason, evidence, version, added_at) VALUES (@Purse, @Reason, @Evidence, @Version, @Now)",
            new { Purse = purse.ToString(), Reason = reason.ToString(), Evidence = evidence, Version = (long)version, Now = Timestamp(tx) });
        return true;
    }

    internal static bool IsListed(BankTransaction tx, PurseId purse) =>
        tx.Scalar<long>("SELECT COUNT(*) FROM hotlist_entries WHERE purse_id = @Purse", new { Purse = purse.ToString() }) > 0;

    private static HotlistEntry? Find(BankTransaction tx, PurseId purse) =>
        tx.Single<HotlistEntryRow>($"SELECT {EntryColumns} FROM hotlist_entries WHERE purse_id = @Purse", new { Purse = purse.ToString() })?.ToEntry();

    private static uint CurrentVersion(BankTransaction tx) =>
        checked((uint)(tx.Scalar<long?>("SELECT MAX(version) FROM hotlist_versions") ?? 0));

    /// <summary>The next version, dated today (UTC). A concurrent writer taking the same number first makes the whole
    /// transaction run again (a unique key), so versions never fork.</summary>
    private static uint NewVersion(BankTransaction tx)
    {
        uint version = checked(CurrentVersion(tx) + 1);
        tx.Execute("INSERT INTO hotlist_versions (version, published_on) VALUES (@Version, @Date)",
            new { Version = (long)version, Date = DateOnly.FromDateTime(tx.Now.UtcDateTime).ToString("O", CultureInfo.InvariantCulture) });
        return version;
    }

    private static SignedHotlist SignOnce(BankTransaction tx, Issuer issuer, uint version)
    {
        if (tx.Single<string>("SELECT signed_text FROM hotlist_versions WHERE version = @Version", new { Version = (long)version })
            is string stored)
        {
            return SignedHotlist.Parse(stored);
        }
        DateOnly date = DateOnly.ParseExact(tx.Single<string>("SELECT published_on FROM hotlist_versions WHERE version = @Version",
            new { Version = (long)version })!, "O", CultureInfo.InvariantCulture);
        List<PurseId> purses = [.. tx.Query<string>("SELECT purse_id FROM hotlist_entries WHERE version <= @Version",
            new { Version = (long)version }).Select(PurseId.Parse)];
        SignedHotlist list = issuer.SignHotlist(version, date, purses);
        tx.Execute("UPDATE hotlist_versions SET signed_text = @Text WHERE version = @Version AND signed_text IS NULL",
            new { Text = list.Text, Version = (long)version });
        return SignedHotlist.Parse(tx.Single<string>("SELECT signed_text FROM hotlist_versions WHERE version = @Version",
            new { Version = (long)version })!);
    }

    private static string Timestamp(BankTransaction tx) => tx.Now.ToString("O", CultureInfo.InvariantCulture);
}
