namespace SmartCardCash.Cli.Output;

/// <summary><c>scc bank serve --json</c>, once listening: where, on which database, and the file the first start saved
/// the operator key in (null on later starts). Never the key itself.</summary>
internal sealed record BankServeJson(string Address, string Database, string? OperatorKeyFile);
