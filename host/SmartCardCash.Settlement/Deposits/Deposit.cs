using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Deposits;

/// <summary>A deposit as the bank records it. <see cref="Amount"/> is known once the bank purse accepted the val.</summary>
/// <param name="Id">The client's request ID.</param>
public sealed record Deposit(string Id, AccountId MerchantAccount, PurseId MerchantPurse, Currency Currency, PurseId BankPurse,
    DepositState State, long? Amount)
{
    /// <summary>Whether the deposit still holds its bank purse.</summary>
    public bool IsOpen => State == DepositState.Open;

    public bool Matches(DepositRequest request) => request is not null && request.RequestId == Id &&
        request.MerchantAccount == MerchantAccount && request.MerchantPurse == MerchantPurse;
}
