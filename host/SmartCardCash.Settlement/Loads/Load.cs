using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Loads;

/// <summary>A load as the bank records it: the authorisation, the bank purse that pays it, and where it is.</summary>
/// <param name="Id">The client's request ID.</param>
public sealed record Load(string Id, AccountId Account, PurseId Payee, Currency Currency, long Amount, PurseId BankPurse, LoadState State)
{
    /// <summary>Whether the load still holds its bank purse.</summary>
    public bool IsOpen => State is LoadState.Authorised or LoadState.Debited;

    /// <summary>Whether this load authorises exactly what <paramref name="request"/> asks.</summary>
    public bool Matches(LoadRequest request) => request is not null && request.RequestId == Id && request.Account == Account &&
        request.Payee == Payee && request.Currency.AlphaCode == Currency.AlphaCode && request.Amount == Amount;
}
