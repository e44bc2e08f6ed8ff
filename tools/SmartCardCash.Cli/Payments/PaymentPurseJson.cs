using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Payments;

/// <summary>One purse in a payment's JSON: card address, purse ID, transfer state as last known, balance after (when readable).</summary>
internal sealed record PaymentPurseJson(string Card, string? PurseId, string? State, bool Reachable, MoneyJson? Balance);
