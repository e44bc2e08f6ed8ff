namespace SmartCardCash.Cli.Output;

/// <summary><c>scc mint --json</c>: the mint the purse accepted and the journal line written.</summary>
internal sealed record MintJson(string Card, string PurseId, MoneyJson Amount, uint IssuerCounter, MoneyJson Balance, string Journal);
