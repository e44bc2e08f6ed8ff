namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/hotlist/entries: every listed purse with its evidence, and the current version.</summary>
public sealed record HotlistEntriesJson(long Version, IReadOnlyList<HotlistEntryJson> Entries);
