namespace SmartCardCash.BankApi.Contracts;

/// <summary>A purse on the bank's hotlist: <see cref="Reason"/> <c>cloned</c> or <c>reported</c>, the evidence (for a
/// clone both signed payments), and the first version that lists it.</summary>
public sealed record HotlistEntryJson(string Purse, string Reason, string Evidence, long Version, DateTimeOffset Added);
