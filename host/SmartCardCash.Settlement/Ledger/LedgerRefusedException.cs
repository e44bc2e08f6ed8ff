namespace SmartCardCash.Settlement.Ledger;

/// <summary>The ledger refused a request, for <see cref="Reason"/>, said in one sentence. Nothing of it was written.</summary>
public sealed class LedgerRefusedException(LedgerRefusal reason, string message) : Exception(message)
{
    public LedgerRefusal Reason { get; } = reason;
}
