namespace SmartCardCash.Settlement.BankPurses;

/// <summary>A bank purse and the books disagreed, or a purse moved value it should not have: a defect, never the
/// client's doing. The transaction that found it was rolled back, so nothing of it was written.</summary>
public sealed class BankPurseInvariantException(string message) : Exception(message);
