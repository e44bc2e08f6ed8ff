namespace SmartCardCash.Purse.Spec;

/// <summary>One pocket of GET DATA 02: currency and balance in minor units.</summary>
public sealed record PocketBalance(CurrencyCode Currency, uint Balance);
