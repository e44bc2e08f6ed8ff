namespace SmartCardCash.BankApi.Contracts;

/// <summary>The entry of a reported purse; <see cref="AlreadyListed"/> when it was on the list before (nothing changed).</summary>
public sealed record HotlistReportJson(HotlistEntryJson Entry, bool AlreadyListed);
