namespace SmartCardCash.Cli.Output;

/// <summary><c>scc lock/unlock/lockcode --json</c>: what was done (locked, unlocked, lockCodeChanged) and the result.</summary>
internal sealed record LockJson(string Card, string? PurseId, string Action, bool Locked, int LockCodeTries);
