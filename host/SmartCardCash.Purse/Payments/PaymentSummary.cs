using System.Text.Json.Serialization;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The payment details (PD) of one transfer as plain values, for people and JSON: purse IDs in hex, the currency's
/// letters, the amount in minor units and as text, both sequence numbers, the order digest in hex.
/// </summary>
public sealed record PaymentSummary
{
    public PaymentSummary(PaymentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
        Value = new Money(details.Currency, details.Value);
    }

    /// <summary>The PD exactly as the purses hold it.</summary>
    [JsonIgnore]
    public PaymentDetails Details { get; }

    [JsonIgnore]
    public Money Value { get; }

    /// <summary>The payer's purse ID.</summary>
    public string From => Details.From.ToString();

    /// <summary>The payee's purse ID.</summary>
    public string To => Details.To.ToString();

    /// <summary>"EUR", or the numeric code for a currency this build does not name.</summary>
    public string Currency => Details.Currency.ToString();

    /// <summary>In the currency's minor units (cents).</summary>
    public uint Amount => Details.Value;

    /// <summary>"12.50".</summary>
    public string AmountText => Value.AmountText;

    public uint FromSeq => Details.FromSeq;

    public uint ToSeq => Details.ToSeq;

    /// <summary>The order digest in hex, or null when the payment carries none.</summary>
    public string? OrderDigest => Details.HasOrderDigest ? Hex.Encode(Details.OrderDigest.Span) : null;

    /// <summary>"EUR 12.50 from 5343430A00000002 to 5343430A00000003 (sequence numbers 4 and 2)".</summary>
    public override string ToString() => $"{Value} from {From} to {To} (sequence numbers {FromSeq} and {ToSeq})";
}
