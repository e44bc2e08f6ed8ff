namespace SmartCardCash.Settlement.Ledger;

/// <summary>The account opened, or found already open with the same content (<see cref="AlreadyOpen"/>: nothing changed).</summary>
public sealed record AccountOpening(Account Account, bool AlreadyOpen);
