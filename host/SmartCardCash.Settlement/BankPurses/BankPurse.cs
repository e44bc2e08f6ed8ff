using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>One of the bank's own purses as its row says after the last commit: the balance and transfer state read
/// from its card image, and the load or deposit it serves (<see cref="HeldBy"/>, <c>load:ID</c> or <c>deposit:ID</c>).</summary>
public sealed record BankPurse(PurseId Id, Currency Currency, long Balance, TransferState State, string? HeldBy)
{
    /// <summary>Free for a new load or deposit: serving none, and idle.</summary>
    public bool IsFree => HeldBy is null && State == TransferState.Idle;
}
