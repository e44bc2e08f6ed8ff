namespace SmartCardCash.Cli.Output;

/// <summary>An amount in JSON: alpha currency code, the amount as people write it ("12.50"), and the card's minor units.</summary>
internal sealed record MoneyJson(string Currency, string Amount, ulong MinorUnits);
