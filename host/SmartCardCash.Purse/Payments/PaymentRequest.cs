using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>What to pay: currency, amount in minor units, and optionally an order digest, the payer's lock code and force.</summary>
public sealed class PaymentRequest
{
    /// <param name="amount">In the currency's minor units; more than zero.</param>
    /// <param name="orderDigest">Empty, or the 32-byte SHA-256 of the merchant's order, bound into the payment details.</param>
    public PaymentRequest(CurrencyCode currency, uint amount, ReadOnlyMemory<byte> orderDigest = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(amount);
        if (!orderDigest.IsEmpty && orderDigest.Length != PurseConstants.DigestLength)
        {
            throw new ArgumentException($"an order digest is {PurseConstants.DigestLength} bytes; got {orderDigest.Length}.",
                nameof(orderDigest));
        }
        Currency = currency;
        Amount = amount;
        OrderDigest = orderDigest.ToArray();
    }

    public CurrencyCode Currency { get; }

    public uint Amount { get; }

    public Money Value => new(Currency, Amount);

    /// <summary>Empty when the payment carries no order digest.</summary>
    public ReadOnlyMemory<byte> OrderDigest { get; }

    /// <summary>
    /// The payer's lock code, verified in the payer's session just before START FROM: needed on a contactless card
    /// for a payment above its contactless limit. Null to send none.
    /// </summary>
    public string? LockCode { get; init; }

    /// <summary>
    /// Start even when a purse holds an unfinished earlier transfer. START FROM / START TO then abort that transfer
    /// first (spec 4.3): an epa or epv transfer goes into the purse's exception log for the bank, and can no longer
    /// be finished by recovery. Without it, such a payment is not started and recovery is suggested.
    /// </summary>
    public bool Force { get; init; }
}
