using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Deposits;

/// <summary>
/// A merchant's terminal asks to pay its card's value into the bank for <see cref="MerchantAccount"/>: a bank purse is
/// held that accepts a payment from purse <see cref="MerchantPurse"/> only. <see cref="RequestId"/> is the client's
/// idempotency key and the deposit's ID. The amount is the merchant card's to choose; the fee is the account's.
/// </summary>
public sealed record DepositRequest
{
    /// <exception cref="ArgumentException">The request ID is not a key the ledger takes, or no purse is named.</exception>
    public DepositRequest(string requestId, AccountId merchantAccount, PurseId merchantPurse)
    {
        _ = BankDeposits.KeyOf(requestId);
        if (merchantPurse == PurseId.None)
        {
            throw new ArgumentException("a deposit names the merchant's purse that pays it.", nameof(merchantPurse));
        }
        (RequestId, MerchantAccount, MerchantPurse) = (requestId, merchantAccount, merchantPurse);
    }

    public string RequestId { get; }

    public AccountId MerchantAccount { get; }

    public PurseId MerchantPurse { get; }
}
