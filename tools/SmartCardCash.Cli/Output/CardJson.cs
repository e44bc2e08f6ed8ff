namespace SmartCardCash.Cli.Output;

/// <summary><c>scc card new/personalise --json</c>: the purse made.</summary>
internal sealed record CardJson(string Card, string Address, string PurseId, string IssuerId, string Class,
    IReadOnlyList<PocketJson> Pockets, int LockCodeTries, string Effective, string Expiry, string? Interface);
