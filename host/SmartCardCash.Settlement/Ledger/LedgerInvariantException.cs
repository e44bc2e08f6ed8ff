namespace SmartCardCash.Settlement.Ledger;

/// <summary>A ledger invariant failed: a bug, never bad input. The database transaction it happened in is rolled back.</summary>
public sealed class LedgerInvariantException : Exception
{
    public LedgerInvariantException()
    {
    }

    public LedgerInvariantException(string message)
        : base(message)
    {
    }

    public LedgerInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
