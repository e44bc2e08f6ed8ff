namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /health: <see cref="Status"/> <c>healthy</c> (200) or <c>unhealthy</c> (503); <see cref="Database"/>
/// <c>reachable</c> or <c>unreachable</c>, with <see cref="Detail"/> saying why (never a password).</summary>
public sealed record HealthJson(string Status, string Database, long? SchemaVersion, string? Detail);
