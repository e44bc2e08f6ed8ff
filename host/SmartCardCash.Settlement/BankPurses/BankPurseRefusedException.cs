namespace SmartCardCash.Settlement.BankPurses;

/// <summary>The bank refused a bank-purse, load or deposit request, for <see cref="Reason"/>, said in one sentence.
/// Nothing of it was written.</summary>
public sealed class BankPurseRefusedException(BankPurseRefusal reason, string message) : Exception(message)
{
    public BankPurseRefusal Reason { get; } = reason;
}
