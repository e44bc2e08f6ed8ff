using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Payments.Events;

/// <summary>A purse refused a command with an error status word.</summary>
/// <param name="PaymentFixed">Whether a purse had fixed the payment details by then: a refusal before that is the
/// refusal of the payment, not a step of its recovery.</param>
internal sealed record CommandRefused(string Purse, string Command, StatusWord StatusWord, string Reason, bool PaymentFixed)
    : PaymentEvent;
