namespace SmartCardCash.Cli.Output;

/// <summary><c>scc card delete --json</c>.</summary>
internal sealed record DeletedJson(string Card, bool Deleted);
