namespace SmartCardCash.Cli.Output;

/// <summary><c>scc card new --blank --json</c>: the card made, its purse installed and not personalised.</summary>
internal sealed record BlankCardJson(string Card, string Address, string Lifecycle, string Interface);
