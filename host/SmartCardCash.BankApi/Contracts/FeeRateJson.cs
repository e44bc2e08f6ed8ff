namespace SmartCardCash.BankApi.Contracts;

/// <summary>A merchant's fee on each deposit: basis points (hundredths of a percent, rounded down) plus a fixed number
/// of minor units.</summary>
public sealed record FeeRateJson(int? BasisPoints, long? Fixed);
