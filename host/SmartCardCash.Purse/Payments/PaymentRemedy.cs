using System.Text.Json.Serialization;

namespace SmartCardCash.Purse.Payments;

/// <summary>What to do next, for a program to act on (the outcome's sentences say it in words).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentRemedy>))]
public enum PaymentRemedy
{
    /// <summary>Nothing: the payment is settled one way or another.</summary>
    None,

    /// <summary>Nothing moved; the payment may simply be tried again (with both cards present, or after fixing the cause).</summary>
    TryAgain,

    /// <summary>Recover with both cards (payer and payee) to finish the payment.</summary>
    Recover,

    /// <summary>Recover with both cards to finish it; or abandon it on the payer, which logs the value for the bank.</summary>
    RecoverOrAbandon,

    /// <summary>A purse holds an unfinished earlier transfer: recover that one (with its counterparty) first.</summary>
    RecoverEarlierTransfer,

    /// <summary>
    /// The value is in an exception log for the bank: refunded to the payer only when the payee's matching record
    /// (reason 02) shows it never arrived; the payer's record (reason 01) alone makes it maybe lost (spec 4.4(6)).
    /// </summary>
    BankSettles,
}
