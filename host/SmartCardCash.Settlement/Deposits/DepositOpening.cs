namespace SmartCardCash.Settlement.Deposits;

/// <summary>The deposit opened; <see cref="AlreadyOpen"/> is true when the same request had opened it before (a
/// retry): nothing changed.</summary>
public sealed record DepositOpening(Deposit Deposit, bool AlreadyOpen);
