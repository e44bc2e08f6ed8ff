using System.Text.Json.Serialization;

namespace SmartCardCash.Remote;

/// <summary>What happened at a payee listener.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayeeEventKind>))]
public enum PayeeEventKind
{
    /// <summary>The listener is bound and accepting connections.</summary>
    Listening,

    /// <summary>
    /// A payer connected and took the card: its session with the purse begins (its first command must be SELECT).
    /// </summary>
    SessionOpened,

    /// <summary>A connection was turned away: the card is held by another connection, too many connections, a bad hello.</summary>
    ConnectionRefused,

    /// <summary>The listener refused a command (6900; for a RESUME of the card's own payer message 6985 or 6A88) without passing it to the card.</summary>
    CommandRefused,

    /// <summary>START TO succeeded: the card expects the payer's val (epv).</summary>
    PaymentStarted,

    /// <summary>
    /// The card refused START TO or VAL, or the listener refused the payer before the card saw it: its certificate
    /// (hotlisted, expired by the listener's clock, not from the trusted issuer) or a START TO it may not send (no
    /// certificate screened in the session, or the card is itself paying). The status word and why are in the event.
    /// </summary>
    PaymentRefused,

    /// <summary>VAL succeeded: the card was credited.</summary>
    PaymentReceived,

    /// <summary>
    /// The payer's session with the card ended: its connection let go of the card (the event says why and what it did
    /// for a payment).
    /// </summary>
    SessionClosed,

    /// <summary>The local card failed (removed, reader gone): the listener stops.</summary>
    CardFailed,
}
