namespace SmartCardCash.Cli.Output;

/// <summary>The document <c>scc apdu --json</c> writes: the card that answered and every exchange, in order.</summary>
internal sealed record ApduRunJson(string Reader, string? Protocol, string Atr, IReadOnlyList<ApduExchangeJson> Exchanges);
