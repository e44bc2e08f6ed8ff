namespace SmartCardCash.Settlement.Ledger;

/// <summary>What a transfer does to balances (TigerBeetle's two-phase transfers).</summary>
public enum TransferPhase
{
    /// <summary>Moves the amount at once: posted debits and credits.</summary>
    Single,

    /// <summary>Reserves the amount: pending debits and credits, counted against the accounts' flags.</summary>
    Pending,

    /// <summary>Resolves a pending transfer by posting all or part of it; the rest is released.</summary>
    Post,

    /// <summary>Resolves a pending transfer by releasing all of it.</summary>
    Void,
}
