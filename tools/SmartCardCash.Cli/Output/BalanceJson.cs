namespace SmartCardCash.Cli.Output;

/// <summary><c>scc balance --json</c>.</summary>
internal sealed record BalanceJson(string Card, string? PurseId, IReadOnlyList<MoneyJson> Balances);
