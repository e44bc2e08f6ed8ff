using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// A transfer as recorded: immutable. A post or void holds the accounts, currency and code of the pending transfer it
/// resolves, and a void the pending amount it released. <see cref="ChainId"/> is the first transfer of the linked
/// chain it was committed with.
/// </summary>
public sealed record Transfer(
    TransferId Id,
    TransferPhase Phase,
    AccountId DebitAccount,
    AccountId CreditAccount,
    long Amount,
    Currency Currency,
    TransferCode Code,
    TransferId? PendingId,
    string? Reference,
    TransferId ChainId,
    int ChainIndex,
    DateTimeOffset Timestamp)
{
    /// <summary>What differs between this transfer and <paramref name="request"/> for the same ID, or null when the
    /// request asks for exactly this transfer (a retry).</summary>
    public string? DifferenceFrom(TransferRequest request)
    {
        if (request.Phase != Phase)
        {
            return $"it is a {Phase.ToString().ToLowerInvariant()} transfer, not a {request.Phase.ToString().ToLowerInvariant()}";
        }
        string? difference = Phase switch
        {
            TransferPhase.Post or TransferPhase.Void when request.PendingId != PendingId => $"it resolves {PendingId}, not {request.PendingId}",
            TransferPhase.Post when request.Amount != Amount => $"it posted {MoneyText.Of(Currency, Amount)}, not {MoneyText.Of(Currency, request.Amount)}",
            TransferPhase.Single or TransferPhase.Pending when request.DebitAccount != DebitAccount =>
                $"it debits {DebitAccount}, not {request.DebitAccount}",
            TransferPhase.Single or TransferPhase.Pending when request.CreditAccount != CreditAccount =>
                $"it credits {CreditAccount}, not {request.CreditAccount}",
            TransferPhase.Single or TransferPhase.Pending when request.Amount != Amount => $"its amount is {MoneyText.Of(Currency, Amount)}, not {MoneyText.Of(Currency, request.Amount)}",
            TransferPhase.Single or TransferPhase.Pending when request.Currency != Currency =>
                $"it is in {Currency.AlphaCode}, not {request.Currency?.AlphaCode}",
            TransferPhase.Single or TransferPhase.Pending when request.Code != Code => $"its code is {Code}, not {request.Code}",
            _ => null,
        };
        return difference ?? (request.Reference != Reference ? $"its reference is '{Reference}', not '{request.Reference}'" : null);
    }

    public override string ToString() =>
        $"{Id}: {Phase.ToString().ToLowerInvariant()} {Currency.AlphaCode} {Amount} {Code} from {DebitAccount} to {CreditAccount}" +
        (PendingId is null ? "" : $" (resolves {PendingId})");
}
