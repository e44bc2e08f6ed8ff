using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments.Events;

/// <summary>
/// ABORT sent where nothing had been debited (a payer in epr, a payee in epv for a payment that was refused), and
/// how it went.
/// </summary>
/// <param name="Before">The purse's state as last known; null when unknown.</param>
/// <param name="StatusWord">For <see cref="AnswerKind.Refused"/>: the purse's answer.</param>
internal sealed record CleanupAbort(string Purse, TransferState? Before, AnswerKind Result, StatusWord? StatusWord = null)
    : PaymentEvent;
