namespace SmartCardCash.Cli.Output;

/// <summary>
/// One card of <c>scc card list --json</c>. <c>status</c> is "ok", "in use" (open in another process), "damaged" (the image),
/// "unreadable (permission denied)" or "unreadable (CAUSE)" (the image cannot be read: not damaged, it may hold value), or
/// "unreadable" (the card answered, but not as a purse); with another status the purse fields are null and <c>problem</c>
/// says why.
/// </summary>
internal sealed record CardListJson(string Name, string Status, string? Interface, string? PurseId, string? Class,
    IReadOnlyList<string> Currencies, IReadOnlyList<MoneyJson> Balances, string? Lifecycle, string? Problem);
