namespace SmartCardCash.Cli.Payments;

/// <summary>In a payment's JSON: where its evidence (the payer's signed val) was kept, or why not.</summary>
internal sealed record JournalJson(string Path, bool Kept, string? Problem);
