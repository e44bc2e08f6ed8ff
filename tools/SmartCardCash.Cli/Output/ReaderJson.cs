namespace SmartCardCash.Cli.Output;

/// <summary>One reader in <c>scc readers --json</c>. State: present, empty, inUse, mute or unavailable.</summary>
internal sealed record ReaderJson(string Name, string State, string? Atr, string? Protocol);
