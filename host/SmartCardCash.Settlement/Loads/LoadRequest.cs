using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Loads;

/// <summary>
/// What a terminal asks the bank to authorise: exactly <see cref="Amount"/> minor units of <see cref="Currency"/> from
/// <see cref="Account"/> into purse <see cref="Payee"/>. <see cref="RequestId"/> is the client's idempotency key and the
/// load's ID: the same request again returns the same load.
/// </summary>
public sealed record LoadRequest
{
    /// <exception cref="ArgumentException">The request ID is not a key the ledger takes, or the amount is not 1 to
    /// 4294967295 minor units (what a purse holds).</exception>
    public LoadRequest(string requestId, AccountId account, PurseId payee, Currency currency, long amount)
    {
        ArgumentNullException.ThrowIfNull(currency);
        _ = BankLoads.KeyOf(requestId); // a load's transfers are keyed by it: it must make a transfer ID
        if (amount is <= 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"a load is of 1 to {uint.MaxValue} minor units.");
        }
        if (payee == PurseId.None)
        {
            throw new ArgumentException("a load names the purse it pays into.", nameof(payee));
        }
        (RequestId, Account, Payee, Currency, Amount) = (requestId, account, payee, currency, amount);
    }

    public string RequestId { get; }

    public AccountId Account { get; }

    public PurseId Payee { get; }

    public Currency Currency { get; }

    public long Amount { get; }
}
