using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>What to pay: the amount (currency and minor units), and optionally an order digest, the payer's lock code and force.</summary>
public sealed class PaymentRequest
{
    /// <param name="amount">More than zero, and no more than a card holds (<see cref="Money.CardMaximum"/> minor units).</param>
    /// <param name="orderDigest">Empty, or the 32-byte SHA-256 of the merchant's order, bound into the payment details.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero, or more than a card holds.</exception>
    public PaymentRequest(Money amount, ReadOnlyMemory<byte> orderDigest = default)
    {
        _ = amount.ToCardValue(allowZero: false);   // refused where the request is made, not by the card mid-payment
        if (!orderDigest.IsEmpty && orderDigest.Length != PurseConstants.DigestLength)
        {
            throw new ArgumentException($"an order digest is {PurseConstants.DigestLength} bytes; got {orderDigest.Length}.",
                nameof(orderDigest));
        }
        Amount = amount;
        OrderDigest = orderDigest.ToArray();
    }

    /// <summary>"EUR 12.50": the currency and the minor units the payer pays.</summary>
    public Money Amount { get; }

    public CurrencyCode Currency => Amount.Currency;

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
