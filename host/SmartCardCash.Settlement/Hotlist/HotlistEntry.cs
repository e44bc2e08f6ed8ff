using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Hotlist;

/// <summary>A purse on the bank's hotlist: why, the evidence (for a clone, both signed payments), and the first
/// version of the list that held it.</summary>
public sealed record HotlistEntry(PurseId Purse, HotlistReason Reason, string Evidence, uint Version, DateTimeOffset Added);
