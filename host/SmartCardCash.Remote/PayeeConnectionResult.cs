using System.Text.Json.Serialization;

namespace SmartCardCash.Remote;

/// <summary>What one connection did for a payment into the card.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayeeConnectionResult>))]
public enum PayeeConnectionResult
{
    /// <summary>No START TO reached the card.</summary>
    NoPayment,

    /// <summary>The card was credited (VAL succeeded).</summary>
    Received,

    /// <summary>The card refused the payment (START TO or VAL).</summary>
    Refused,

    /// <summary>
    /// START TO succeeded but no VAL did: the card is left expecting the val (epv), which the payer can still deliver
    /// by recovering (its next START TO aborts it into its exception log instead).
    /// </summary>
    Unfinished,
}
