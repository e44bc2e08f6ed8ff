using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments.Events;

/// <summary>A purse took an ABORT where value may be in flight, logging the transfer (spec 4.3), as a recovery step.</summary>
/// <param name="Step">The step of spec 4.7's table that called for it: it says why.</param>
internal sealed record LoggingAbort(PaymentParty Role, string Purse, TransferState? Before, RecoveryAction Step) : PaymentEvent;
