using System.Text.Json.Serialization;

namespace SmartCardCash.Purse.Payments;

/// <summary>What a payment (or a recovery) ended in, judged from the cards' own answers and states, never assumed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentOutcomeKind>))]
public enum PaymentOutcomeKind
{
    /// <summary>The payee was credited and the payer took the acknowledgement: both purses are idle.</summary>
    Completed,

    /// <summary>
    /// The payee was credited, but the payer's ACK was not delivered (the payer is still in epa). No value is at risk:
    /// recovering with both cards delivers the payee's ack.
    /// </summary>
    CompletedAwaitingAcknowledgement,

    /// <summary>Nothing was debited. <see cref="PaymentOutcome.Refusal"/> says who refused and why.</summary>
    NotStarted,

    /// <summary>
    /// Value was debited from the payer (or may have been, when the REQ's answer was lost) and is not known to be
    /// credited: it is held in the payer's pending log until the payment is recovered or abandoned.
    /// </summary>
    Interrupted,

    /// <summary>
    /// The transfer was aborted after the debit: the amount is in the payer's exception log, for the bank, which refunds
    /// it only on the payee's matching record (reason 02).
    /// </summary>
    ValueLogged,

    /// <summary>Recovery found no unfinished transfer between the purses (or on the purse) to act on.</summary>
    NothingToRecover,
}
