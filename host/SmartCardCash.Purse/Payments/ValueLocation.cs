using System.Text.Json.Serialization;

namespace SmartCardCash.Purse.Payments;

/// <summary>Where the payment's value is now.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueLocation>))]
public enum ValueLocation
{
    /// <summary>Nothing was debited: the value is still in the payer's balance.</summary>
    WithPayer,

    /// <summary>Credited to the payee.</summary>
    WithPayee,

    /// <summary>Debited and held in flight: the payer is in epa and its pending log holds the val that credits the payee.</summary>
    PayerPendingLog,

    /// <summary>The REQ's answer was lost: either nothing was debited, or the value is in the payer's pending log.</summary>
    PayerOrPendingLog,

    /// <summary>The VAL's answer was lost: the value is in the payer's pending log, or the payee was credited.</summary>
    PendingLogOrPayee,

    /// <summary>
    /// Debited and logged by the payer's abort (exception record, reason 01): maybe lost until the payee's matching
    /// record (reason 02) shows it never arrived, and only then refunded (spec 4.4(6)).
    /// </summary>
    PayerExceptionLog,

    /// <summary>
    /// Logged by the payer's abort (reason 01), and the payee may have taken the val all the same (VAL's answer lost,
    /// or its log no longer says): in the payer's record, or with the payee. Maybe lost (spec 4.4(6)).
    /// </summary>
    PayerExceptionLogOrPayee,

    /// <summary>Cannot be said from the one purse at hand (abandoning a payee: the payer was not there to ask).</summary>
    Unknown,
}
