using System.Globalization;

namespace SmartCardCash.Settlement.Hotlist;

/// <summary>A row of <c>hotlist_entries</c> as Dapper reads it.</summary>
internal sealed class HotlistEntryRow
{
    public string PurseId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Evidence { get; set; } = "";

    public long Version { get; set; }

    public string AddedAt { get; set; } = "";

    public HotlistEntry ToEntry() => new(Purse.Spec.PurseId.Parse(PurseId), Enum.Parse<HotlistReason>(Reason), Evidence,
        checked((uint)Version), DateTimeOffset.Parse(AddedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
